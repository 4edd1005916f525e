/**
 * The draft rows, one card each: the figure, its confidence, whether the published data hold
 * it, the quote, and accept / edit / drop. Filtered and sorted by confidence and status;
 * choosing a row shows its line in the report text.
 */
import { useState, type MouseEvent } from 'react';
import { nameOf, useLang, useT } from '../../../ui/i18n';
import type { Catalog } from '../../../model/catalog';
import { numberCell } from '../../../model/csvExport';
import type { DraftRow } from '../../../extract/types';
import { accept, acceptAllHigh, counts, drop, edit, isEdited, reopen, revert, shownRows, type Missing, type PublishedIndex, type ReviewRow, type RowFilter } from './draftModel';
import { draftWork, type DraftWork } from './draftWork';
import { messages, type DraftMessage } from './messages';
import { RowEditor } from './RowEditor';
import { useGrowing } from './useGrowing';

const SIGN: Record<string, string> = { '=': '', '~': '≈ ', '>=': '≥ ', '>': '> ', '<=': '≤ ', '<': '< ', text: '' };

export function figureText(r: DraftRow): string {
  if (r.comparator === 'text' || r.value === null) return '—';
  return `${SIGN[r.comparator] ?? ''}${numberCell(r.value)} ${r.unit}`.trim();
}

interface Props {
  work: DraftWork;
  catalog: Catalog;
  published: PublishedIndex;
  lineCount: number;
  onChoose: (row: ReviewRow) => void;
}

export function DraftRows({ work, catalog, published, lineCount, onChoose }: Props) {
  const t = useT(messages);
  const { review, filter } = work;
  const c = counts(review);
  const shown = shownRows(review, filter);
  // 40 cards a task: a report's hundreds of rows never block the page in one piece.
  const drawn = useGrowing(shown.length, 40);
  const select = <K extends keyof RowFilter>(key: K, label: string, options: RowFilter[K][], name: (o: RowFilter[K]) => string) => (
    <label className="draft-field">
      <span>{label}</span>
      <select value={filter[key]} onChange={(e) => draftWork.setFilter({ [key]: e.currentTarget.value } as Partial<RowFilter>)} data-testid={`draft-filter-${key}`}>
        {options.map((o) => (
          <option key={o} value={o}>
            {name(o)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <section className="draft-rows" aria-labelledby="draft-rows-title">
      <h3 id="draft-rows-title">{t('rowsTitle')}</h3>
      <p className="draft-counts" data-testid="draft-counts">
        {t('counts', { total: c.total, accepted: c.accepted, dropped: c.dropped, pending: c.pending })}
      </p>
      <div className="draft-filters">
        {select('confidence', t('filterConfidence'), ['all', 'high', 'medium', 'low'], (o) => t(o as DraftMessage))}
        {select('status', t('filterStatus'), ['all', 'pending', 'accepted', 'dropped'], (o) => t(o as DraftMessage))}
        {select('sort', t('sort'), ['line', 'confidence'], (o) => t(o === 'line' ? 'sortLine' : 'sortConfidence'))}
      </div>
      <div className="draft-bulk">
        <button type="button" onClick={() => draftWork.setReview(acceptAllHigh(draftWork.get().review, published))} data-testid="draft-accept-high">
          ✔ {t('acceptHigh')}
        </button>
        <span className="check-muted">{t('acceptHighHint')}</span>
      </div>
      {review.length === 0 ? (
        <p className="check-empty">{t('noRows')}</p>
      ) : shown.length === 0 ? (
        <p className="check-empty">{t('noneShown')}</p>
      ) : (
        <ol className="draft-list">
          {shown.slice(0, drawn).map((r) => (
            <RowCard key={r.key} r={r} work={work} catalog={catalog} published={published} lineCount={lineCount} onChoose={onChoose} />
          ))}
        </ol>
      )}
    </section>
  );
}

function RowCard({ r, work, catalog, published, lineCount, onChoose }: Props & { r: ReviewRow }) {
  const t = useT(messages);
  const lang = useLang();
  const [editing, setEditing] = useState(false);
  const [missing, setMissing] = useState<Missing[]>([]);
  const row = r.row;
  const ind = row.indicator ? catalog.indicators.get(row.indicator) : undefined;
  const mark = published.mark(row);
  const chosen = work.selected === r.key;
  const onCard = (e: MouseEvent) => {
    // A click on the card (not on one of its controls) shows the line, as the line button does.
    if (!(e.target as HTMLElement).closest('button, input, select, textarea, label, a')) onChoose(r);
  };
  const doAccept = () => {
    const res = accept(draftWork.get().review, r.key);
    setMissing(res.missing);
    if (res.missing.length) setEditing(true);
    else draftWork.setReview(res.rows);
  };
  return (
    <li
      className={`draft-row draft-row-${r.status}${chosen ? ' draft-row-chosen' : ''}`}
      onClick={onCard}
      data-key={r.key}
      data-line={row.line}
      data-testid="draft-row"
      aria-current={chosen ? 'true' : undefined}
    >
      <div className="draft-row-head">
        <button type="button" className="draft-line-btn" onClick={() => onChoose(r)} aria-label={t('showLineLabel', { line: row.line })}>
          {t('showLine', { line: row.line })}
        </button>
        <span className={`draft-conf draft-conf-${row.confidence}`} data-confidence={row.confidence}>
          {t('confidence', { level: t(row.confidence) })}
        </span>
        <span className={`draft-status draft-status-${r.status}`}>{t(r.status)}</span>
        {mark && (
          <span className={`check-tag draft-published draft-published-${mark.kind}`} data-published={mark.kind}>
            {mark.kind === 'same' ? t('published-same') : t('published-other', { value: figureText({ ...row, comparator: mark.obs.comparator, value: mark.obs.value, unit: mark.obs.unit }) })}
          </span>
        )}
        {isEdited(r) && <span className="check-tag check-tag-changed">{t('edited')}</span>}
      </div>
      <p className="draft-figure">
        <span className="draft-when">
          {row.year ?? t('noYear')} {t(row.kind)}
        </span>
        {' · '}
        <span className="draft-indicator">{ind ? nameOf(ind, lang) : <em>{t('noIndicator')}</em>}</span>
        {' · '}
        <strong className="draft-value">{figureText(row)}</strong>
        {row.estimate && <span className="check-estimate"> {t('estimate')}</span>}
      </p>
      <p className="draft-named check-muted">
        {t('asWritten')}: <span lang="zh">{row.nameAsWritten}</span>
      </p>
      <blockquote className="draft-quote" lang="zh">
        {row.quote}
      </blockquote>
      {missing.length > 0 && (
        <p className="draft-missing" role="alert">
          {t('missing', { what: missing.map((m) => t(`missing-${m}`)).join(t('listSep')) })}
        </p>
      )}
      {editing ? (
        <RowEditor
          row={row}
          catalog={catalog}
          lineCount={lineCount}
          onCancel={() => setEditing(false)}
          onSave={(next) => {
            draftWork.setReview(edit(draftWork.get().review, r.key, next));
            setEditing(false);
            setMissing([]);
          }}
        />
      ) : (
        <div className="draft-actions">
          {r.status !== 'accepted' && (
            <button type="button" onClick={doAccept} data-action="accept">
              ✔ {t('accept')}
            </button>
          )}
          <button type="button" onClick={() => setEditing(true)} data-action="edit">
            ✎ {t('edit')}
          </button>
          {r.status !== 'dropped' && (
            <button type="button" onClick={() => draftWork.setReview(drop(draftWork.get().review, r.key))} data-action="drop">
              ✖ {t('drop')}
            </button>
          )}
          {r.status !== 'pending' && (
            <button type="button" onClick={() => draftWork.setReview(reopen(draftWork.get().review, r.key))} data-action="reopen">
              {t('reopen')}
            </button>
          )}
          {isEdited(r) && (
            <button type="button" onClick={() => draftWork.setReview(revert(draftWork.get().review, r.key))} data-action="revert">
              {t('revert')}
            </button>
          )}
        </div>
      )}
    </li>
  );
}
