/**
 * One given file's card: what it was checked as, counts that add up (rows, rows with errors,
 * rows with warnings; new, changed and unchanged against the published data), every problem,
 * and the downloads. A workbook's card holds one part per yearly sheet.
 */
import { useT } from '../../ui/i18n';
import type { FileReport } from '../../data/worker/client';
import { messages, type CheckMessage } from './messages';
import { ProblemTable } from './ProblemTable';
import { givenFiles, type GivenFile } from './store';
import { saveExcelCsv, saveWorkbook } from './downloads';
import { verdictOf } from './summary';

const VERDICT_ICON = { ok: '✔', bad: '✖', warn: '⚠', none: '↷' } as const;

function Summary({ report }: { report: FileReport }) {
  const t = useT(messages);
  if (report.role === 'text') return null;
  const verdict = verdictOf(report);
  // A superseded file was not checked: no counts that would read as if it had been.
  const checked = verdict.key !== 'superseded';
  return (
    <>
      {checked && report.rows && (
        <p className="check-rows" data-testid="row-counts">
          {t(report.rows.total === 1 ? 'rowCountsOne' : 'rowCounts', { total: report.rows.total, errors: report.rows.withErrors, warnings: report.rows.withWarnings })}
        </p>
      )}
      {checked && report.diff && (
        <p className="check-muted check-diff">
          {t('rowDiff', { read: report.rowsRead, added: report.diff.added, changed: report.diff.changed, unchanged: report.diff.unchanged })}
        </p>
      )}
      <p className={`check-summary ${verdict.tone === 'ok' ? 'check-summary-ok' : verdict.tone === 'none' ? '' : 'check-summary-bad'}`}>
        <span aria-hidden="true">{VERDICT_ICON[verdict.tone]}</span>{' '}
        {verdict.key === 'counts'
          ? t('counts', { errors: verdict.errors, warnings: verdict.warnings })
          : verdict.key === 'superseded'
            ? t('superseded', { name: verdict.name })
            : t(verdict.key)}
      </p>
    </>
  );
}

function Downloads({ report }: { report: FileReport }) {
  const t = useT(messages);
  const n = report.normalised;
  return (
    <div className="check-download">
      {n ? (
        <>
          <div className="check-download-buttons">
            <button type="button" data-testid="download-csv" onClick={() => saveExcelCsv(report)}>
              ⤓ {t('download')}
            </button>
            <button type="button" data-testid="download-xlsx" onClick={() => void saveWorkbook(report)}>
              ⤓ {t('downloadXlsx')}
            </button>
          </div>
          <p className="check-muted">{t('downloadNote', { count: n.changes.length })}</p>
          {n.keptAsGiven.length > 0 && <p className="check-muted">{t('downloadKept', { lines: n.keptAsGiven.join(', ') })}</p>}
        </>
      ) : (
        <p className="check-muted">{t('downloadNone')}</p>
      )}
    </div>
  );
}

/** The problems and downloads of one checked file (or one sheet of a workbook). */
function Part({ report }: { report: FileReport }) {
  const t = useT(messages);
  const errors = report.problems.filter((p) => p.severity === 'error');
  const warnings = report.problems.filter((p) => p.severity === 'warning');
  return (
    <>
      <Summary report={report} />
      <ProblemTable problems={errors} caption={`${t('errors')} (${errors.length})`} />
      <ProblemTable problems={warnings} caption={`${t('warnings')} (${warnings.length})`} />
      {report.role === 'data' && report.supersededBy === null && <Downloads report={report} />}
    </>
  );
}

export function FileCard({ given, reports }: { given: GivenFile; reports: FileReport[] }) {
  const t = useT(messages);
  const [report] = reports;
  const sheets = reports.filter((r) => r.sheet !== null);
  return (
    <li className="check-file-card" data-file={given.name}>
      <div className="check-file-head">
        <h4>
          <code>{given.name}</code>
        </h4>
        <button type="button" className="check-remove" aria-label={t('removeLabel', { name: given.name })} onClick={() => givenFiles.remove(given.id)}>
          {t('remove')}
        </button>
      </div>
      <p className="check-meta">
        {t('size', { size: (given.size / 1024).toFixed(1) })}
        {report?.role === 'data' && report.path && <> · {t('checkedAs', { path: report.path })}</>}
        {report?.role === 'text' && <> · {t('asText')}</>}
        {report?.role === 'refused' && <> · {t('refused')}</>}
        {report?.role === 'workbook' && <> · {t('asWorkbook')}</>}
        {report?.encoding && report.role !== 'workbook' && <> · {t('encoding', { enc: t(`enc-${report.encoding}` as CheckMessage) })}</>}
      </p>
      {given.stale && <p className="check-stale" role="alert">{t('stale')}</p>}
      {report && report.role !== 'workbook' && <Part report={report} />}
      {report?.role === 'workbook' && (
        <>
          {(report.problems.length > 0 || sheets.length === 0) && <Part report={report} />}
          {sheets.map((s) => (
            <section key={s.path} className="check-sheet" data-sheet={s.sheet} data-path={s.path}>
              <h5>{t('sheetAs', { sheet: s.sheet ?? '', path: s.path ?? '' })}</h5>
              <Part report={s} />
            </section>
          ))}
        </>
      )}
    </li>
  );
}
