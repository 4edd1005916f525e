/**
 * The check page's draft tab (DESIGN.md, "Draft rows from a report"): staff give a report's
 * text and the source, see the draft rows beside the text, accept, edit or drop each, and
 * download the accepted rows as yearly CSV files, or hand them to the check on the same page.
 * Drafting runs in a Worker (draftClient.ts); the work lives in draftWork.ts.
 */
import { useEffect, useMemo, useState } from 'react';
import { useLang, useT } from '../../../ui/i18n';
import { decodeBytes } from '../../../data/decode';
import type { LexiconIndicator } from '../../../extract/types';
import type { ViewProps } from '../../types';
import '../check.css';
import { givenFiles } from '../store';
import { usePublishedFiles } from '../useCheck';
import { CheckTabs } from './CheckTabs';
import { pasteRows, PublishedIndex, yearFiles, type ReviewRow } from './draftModel';
import { DraftExport } from './DraftExport';
import { DraftRows } from './DraftRows';
import { DraftSetup } from './DraftSetup';
import { draftWork, useDraftWork, type Refused } from './draftWork';
import { messages } from './messages';
import { ReportText, type Jump } from './ReportText';

const YEAR_FILE = /^observations\/(\d{4})\.csv$/;

function RefusedNote({ refused, fallbackName }: { refused: Refused; fallbackName: string }) {
  const t = useT(messages);
  const lang = useLang();
  return <p className="check-error">{t('refused', { name: refused.name || fallbackName, reason: refused.message[lang] })}</p>;
}

export default function DraftTab({ state, set, loaded }: ViewProps) {
  const t = useT(messages);
  const work = useDraftWork();
  const { catalog } = loaded;
  const [jump, setJump] = useState<Jump | null>(null);

  useEffect(() => {
    const list: LexiconIndicator[] = [...catalog.indicators.values()].map(({ id, name_zh, name_en, unit, measure }) => ({ id, name_zh, name_en, unit, measure }));
    draftWork.setIndicators(list);
  }, [catalog]);

  const published = useMemo(() => new PublishedIndex(loaded.dataset.observations), [loaded.dataset]);
  const raw = usePublishedFiles();
  const publishedTexts = useMemo(() => {
    const m = new Map<number, string>();
    for (const f of raw.data ?? []) {
      const y = YEAR_FILE.exec(f.path);
      if (!y) continue;
      const text = f.text ?? (f.bytes ? decodeBytes(f.path, f.bytes).text : '');
      if (text) m.set(Number(y[1]), text);
    }
    return m;
  }, [raw.data]);
  const files = useMemo(() => yearFiles(work.review, publishedTexts), [work.review, publishedTexts]);
  const paste = useMemo(() => pasteRows(work.review), [work.review]);

  const { outcome, input, settings } = work;
  const chosen = work.review.find((r) => r.key === work.selected) ?? null;
  const choose = (r: ReviewRow) => {
    draftWork.select(r.key);
    setJump((j) => ({ line: r.row.line, n: (j?.n ?? 0) + 1 }));
  };
  const backToRow = () => {
    const el = document.querySelector<HTMLElement>('.draft-row-chosen .draft-line-btn');
    el?.scrollIntoView({ block: 'center' });
    el?.focus();
  };
  const checkThese = () => {
    for (const f of files) givenFiles.addBytes(f.name, new TextEncoder().encode(f.text));
    // The quotes are checked against the text they were drafted from, under the name sources.csv gives it.
    const textName = catalog.sources.get(settings.source)?.text;
    if (textName && input) givenFiles.addBytes(textName, input.bytes);
    set({ tab: null });
    window.scrollTo({ top: 0 });
  };
  const inputName = input ? input.name || t('pasted') : '';

  return (
    <section className="check-view draft-view" aria-labelledby="draft-title">
      <CheckTabs state={state} set={set} />
      <h2 id="draft-title">{t('title')}</h2>
      <p>{t('intro')}</p>
      <DraftSetup work={work} catalog={catalog} />
      <div role="status" aria-live="polite" className="check-status" data-testid="draft-status">
        {work.running && <p className="loading-inline">{t('drafting')}</p>}
        {work.error && <p className="check-error">{t('failed', { reason: work.error })}</p>}
        {work.refused && (
          <>
            <RefusedNote refused={work.refused} fallbackName={t('pasted')} />
            {outcome && <p className="check-muted">{t('refusedKept')}</p>}
          </>
        )}
        {outcome && !work.running && (
          <p className="check-muted" data-testid="draft-read">
            {t('readAs', { name: inputName, lines: outcome.lineCount, enc: t(`enc-${outcome.encoding}`), rows: outcome.rows.length, ms: Math.round(outcome.ms) })}
          </p>
        )}
      </div>
      {!outcome ? (
        <p className="check-empty">{t('empty')}</p>
      ) : (
        <>
          <div className="draft-work" aria-busy={work.running}>
            <DraftRows work={work} catalog={catalog} published={published} lineCount={outcome.lineCount} onChoose={choose} />
            <ReportText text={outcome.text} jump={jump} current={chosen?.row.line ?? null} onBack={chosen ? backToRow : null} />
          </div>
          <DraftExport files={files} paste={paste} source={settings.source} district={settings.district} onCheck={checkThese} />
          <p>
            <button type="button" onClick={() => draftWork.clear()}>
              {t('clear')}
            </button>
          </p>
        </>
      )}
    </section>
  );
}
