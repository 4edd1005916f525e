/**
 * Check a CSV or an Excel workbook (staff): choose or drop files, see every problem with file,
 * line, column, cell and how to fix it, preview the changes merged into the published data,
 * download the normalised file, and after a clean check the steps and bundle to publish. The check itself runs off the main thread (src/data/worker/).
 */
import { lazy, Suspense, useEffect, useMemo, useState, type DragEvent } from 'react';
import { common, translate } from '../../core/i18n';
import { useT } from '../../ui/i18n';
import type { FileReport } from '../../data/worker/client';
import type { ViewProps } from '../types';
import './check.css';
import { FileCard } from './FileCard';
import { messages } from './messages';
import { Preview } from './Preview';
import { ProblemTable } from './ProblemTable';
import { PublishSteps } from './PublishSteps';
import { givenFiles, useGivenFiles } from './store';
import { useCheck } from './useCheck';
import { CheckTabs } from './draft/CheckTabs';

const DraftTab = lazy(() => import('./draft/DraftTab'));

function DropZone() {
  const t = useT(messages);
  const [over, setOver] = useState(false);
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    if (e.dataTransfer.files.length) void givenFiles.add(e.dataTransfer.files);
  };
  return (
    <div
      className={`check-drop${over ? ' check-drop-over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <label className="check-choose">
        <span className="tap check-choose-button">{t('choose')}</span>
        <input
          type="file"
          multiple
          accept=".csv,.txt,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          className="visually-hidden"
          data-testid="check-input"
          onChange={(e) => {
            const list = e.currentTarget.files;
            if (list?.length) void givenFiles.add([...list]);
            e.currentTarget.value = '';
          }}
        />
      </label>
      <span className="check-drop-text">{over ? t('dropActive') : t('dropHere')}</span>
    </div>
  );
}

export default function CheckView({ state, set, loaded }: ViewProps) {
  const t = useT(messages);
  const files = useGivenFiles();
  const { published, check } = useCheck(files);
  const result = files.length ? check.data : undefined;
  const reports = useMemo(() => {
    // Names are unique in the list (a file given again replaces the earlier one), so a name finds
    // its reports (a workbook has one for itself and one per yearly sheet).
    const m = new Map<string, FileReport[]>();
    for (const r of result?.files ?? []) m.set(r.name, [...(m.get(r.name) ?? []), r]);
    return m;
  }, [result]);
  const checkedPaths = useMemo(
    () => (result?.files ?? []).filter((f) => f.role === 'data' && f.path?.startsWith('observations/')).map((f) => f.path!),
    [result],
  );
  const publishedPaths = useMemo(() => new Set((published.data ?? []).map((f) => f.path)), [published.data]);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    document.body.addEventListener('dragover', prevent);
    document.body.addEventListener('drop', prevent);
    return () => {
      document.body.removeEventListener('dragover', prevent);
      document.body.removeEventListener('drop', prevent);
    };
  }, []);

  const recheck = async () => {
    setBusy(true);
    try {
      await givenFiles.reread();
      await published.refetch();
    } finally {
      setBusy(false);
    }
  };
  const checking = busy || check.isFetching || check.isPlaceholderData;

  if (state.tab === 'draft') {
    return (
      <Suspense fallback={<p className="loading">{translate(common, state.lang, 'loading')}</p>}>
        <DraftTab state={state} set={set} loaded={loaded} />
      </Suspense>
    );
  }
  return (
    <section className="check-view" aria-labelledby="check-title">
      <CheckTabs state={state} set={set} />
      <h2 id="check-title">{t('title')}</h2>
      <p>{t('intro')}</p>
      <p className="check-muted">{t('textsHint')}</p>
      <DropZone />
      <div role="status" aria-live="polite" className="check-status">
        {checking && files.length > 0 && <p className="loading-inline">{t('checking')}</p>}
        {check.isError && <p className="check-error">{t('checkFailed', { reason: check.error.message })}</p>}
        {published.isError && <p className="check-error">{t('publishedFailed', { reason: published.error.message })}</p>}
      </div>
      {files.length === 0 ? (
        <p className="check-empty">{t('empty')}</p>
      ) : (
        <>
          <div className="check-files-head">
            <h3>{t('filesTitle')}</h3>
            <button type="button" onClick={() => void recheck()} disabled={checking}>
              ↻ {t('recheck')}
            </button>
          </div>
          <p className="check-muted">{t('recheckHint')}</p>
          {result && <p className="check-muted">{t(result.quotesVerified ? 'quotesVerified' : 'quotesNotVerified')}</p>}
          <ul className="check-files" aria-busy={checking}>
            {files.map((f) => (
              <FileCard key={f.id} given={f} reports={reports.get(f.name) ?? []} />
            ))}
          </ul>
          {result && result.elsewhere.length > 0 && (
            <section className="check-elsewhere">
              <ProblemTable problems={result.elsewhere} caption={t('elsewhereTitle')} />
            </section>
          )}
          {result && !checking && <PublishSteps result={result} published={publishedPaths} />}
          {result && <Preview dataset={result.dataset} published={loaded.catalog} checkedPaths={checkedPaths} />}
        </>
      )}
    </section>
  );
}

/** A file dropped beside the drop zone must not make the browser leave the page (and lose the list). */
function prevent(e: Event) {
  e.preventDefault();
}
