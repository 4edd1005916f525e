/**
 * The scorecard: districts × indicators for one year, each cell its status and its figures,
 * each row its tally. Rows are windowed when there are many districts; a search narrows them.
 */
import { memo, useDeferredValue, useMemo, useRef, type CSSProperties, type MouseEvent } from 'react';
import { common, nameOf, useLang, useT } from '../../ui/i18n';
import { useNarrow } from '../../ui/useNarrow';
import type { SetState } from '../../core/url';
import { parseState, parseYear, type AppState } from '../../core/url';
import { STATUS_STYLE } from '../../charts/palette';
import type { District, Indicator } from '../../data/types';
import type { Catalog } from '../../model/catalog';
import { buildScorecard } from '../../model/scorecard';
import { useRowWindow, WindowBody } from '../../ui/rowWindow';
import type { ViewProps } from '../types';
import { messages } from './messages';
import { columnHeaderId, ScorecardRow, TALLY_KINDS } from './ScorecardRow';
import { useColumnWindow } from './columnWindow';
import { follow, followLink } from './links';
import { ScorecardPrint } from './ScorecardPrint';
import './scorecard.css';
import { YearSelect } from '../../ui/YearSelect';

const NAMED = 30;

export default function ScorecardView({ state, set, loaded }: ViewProps) {
  const t = useT(messages);
  const tc = useT(common);
  const lang = useLang();
  const { catalog } = loaded;
  const q = useDeferredValue(state.q);
  const card = useMemo(
    () => buildScorecard(catalog, { year: state.year?.to ?? null, districts: state.districts, q }),
    [catalog, state.year, state.districts, q],
  );
  const { year, rows } = card;
  // Only the indicators with a target (they come first): asked for by `targets=1`, and a phone's
  // default, where a screen holds two columns and those should be the targets.
  const phone = useNarrow();
  const onlyTargets = state.targets ?? phone;
  const columns = useMemo(() => (onlyTargets ? card.columns.slice(0, card.withTarget) : card.columns), [card.columns, card.withTarget, onlyTargets]);
  // Every published year, also those not fetched for this scorecard (it fetches only its own year).
  const years = year !== null && !loaded.available.includes(year) ? [...loaded.available, year].sort((a, b) => a - b) : loaded.available;
  const names = (list: typeof card.withoutData) => list.map((d) => nameOf(d, lang)).join(t('listSep'));

  return (
    <section className="scorecard" aria-labelledby="sc-title">
      <h2 id="sc-title">{year === null ? t('titleNoYear') : t('title', { year })}</h2>
      <p className="muted sc-intro">{t('intro')}</p>

      <div className="controls">
        <YearSelect label={t('year')} options={years} value={year} onChange={(v) => set({ year: parseYear(v) })} />
        {card.districts.length > 1 && (
          <label className="sc-search">
            {t('search')}
            <input
              type="search"
              value={state.q}
              placeholder={t('searchHint')}
              onChange={(e) => set({ q: e.target.value }, { replace: true })}
            />
          </label>
        )}
      </div>

      {card.unknown.length > 0 && (
        <p className="notice notice-warning">
          {t('unknown')}
          {card.unknown.join(t('listSep'))}
        </p>
      )}
      {state.districts.length > 0 && (
        <p className="sc-chosen">
          {t('chosen', { count: state.districts.length })}{' '}
          <button type="button" onClick={() => set({ districts: [] })}>
            {t('showAll')}
          </button>
        </p>
      )}

      {year === null && <p className="empty">{t('noYear')}</p>}
      {year !== null && card.districts.length === 0 && <p className="empty">{t('noData', { year })}</p>}

      {year !== null && card.districts.length > 0 && (
        <>
          <p className="sc-counts" aria-live="polite">
            {t('counts', { districts: card.districts.length, indicators: card.columns.length, targets: card.withTarget })}
            {card.q && <> · {t('found', { count: rows.length })}</>}
            {columns.length > 3 && <span className="muted"> {t('scrollHint')}</span>}
          </p>
          <p className="sc-legend">
            <span className="muted">{t('legend')}:</span>
            {TALLY_KINDS.map((k) => (
              <span key={k} className={`status status-${k}`} style={{ color: STATUS_STYLE[k].colour }}>
                <span aria-hidden="true">{STATUS_STYLE[k].icon}</span> {tc(k)}
              </span>
            ))}
          </p>
          {card.withTarget > 0 && card.withTarget < card.columns.length && (
            <label className="check sc-only-targets">
              <input type="checkbox" checked={onlyTargets} onChange={(e) => set({ targets: e.target.checked === phone ? null : e.target.checked }, { replace: true })} />
              {t('onlyTargets')}
              <span className="muted">{onlyTargets ? t('onlyTargetsHint', { targets: card.withTarget, indicators: card.columns.length }) : ''}</span>
            </label>
          )}
          {rows.length === 0 ? (
            <p className="empty">{t('noneFound', { q: card.q })}</p>
          ) : (
            <>
              <ScorecardTable rows={rows} columns={columns} year={year} catalog={catalog} state={state} set={set} />
              <ScorecardPrint rows={rows} columns={columns} year={year} catalog={catalog} />
            </>
          )}
        </>
      )}

      {year !== null && card.withoutData.length > 0 && (
        <p className="sc-without">
          {t('without', { year, count: card.withoutData.length })}
          {names(card.withoutData.slice(0, NAMED))}
          {card.withoutData.length > NAMED && ` ${t('withoutMore', { count: card.withoutData.length - NAMED })}`}
        </p>
      )}
    </section>
  );
}

interface TableProps {
  rows: District[];
  columns: Indicator[];
  year: number;
  catalog: Catalog;
  state: AppState;
  set: SetState;
}

/**
 * The table on its own (memoised): scrolling re-renders only this and the rows coming into view,
 * not the controls, legend and lists around it.
 */
const ScorecardTable = memo(function ScorecardTable({ rows, columns, year, catalog, state, set }: TableProps) {
  const t = useT(messages);
  const box = useRef<HTMLDivElement>(null);
  // One row either side: a scorecard row is about 140 px of eleven cells.
  const win = useRowWindow(rows.length, box, 100, 1, rows);
  const cols = useColumnWindow(columns.length, box, win.windowed);
  const span = columns.length + 1;
  return (
    // The click handler serves the links inside (keyboards reach and follow them as links).
    <div className="sc-box" ref={box} tabIndex={0} role="region" aria-label={t('scrollBox', { year })} onClick={(e) => followCell(e, set)}>
      <table
        className={`sc-table${win.windowed ? ' sc-table-windowed' : ''}`}
        style={win.windowed ? ({ '--sc-columns': columns.length } as CSSProperties) : undefined}
        aria-rowcount={rows.length + 1}
        aria-colcount={span}
      >
        <ScorecardHead columns={columns} year={year} state={state} set={set} />
        <WindowBody
          win={win}
          span={span}
          row={(i) => <ScorecardRow key={win.key(i, rows[i]!.id)} index={i} district={rows[i]!} columns={columns} cols={cols} year={year} catalog={catalog} measure={win.measure} />}
        />
      </table>
    </div>
  );
});

/** The header row: not rendered again when the rows scroll (it holds a link per indicator). */
const ScorecardHead = memo(function ScorecardHead({ columns, year, state, set }: Pick<TableProps, 'columns' | 'year' | 'state' | 'set'>) {
  const t = useT(messages);
  const lang = useLang();
  return (
    <thead>
      <tr aria-rowindex={1}>
        <th scope="col" className="sc-corner" aria-colindex={1}>
          {t('district')}
          <span className="sc-corner-sub">{t('tally')}</span>
        </th>
        {columns.map((ind, i) => {
          const to: AppState = { ...state, view: 'indicator', indicator: ind.id, districts: [], year: { from: year, to: year }, q: '', sort: null, kind: null, slide: 0, targets: null };
          return (
            <th scope="col" key={ind.id} className="sc-col" aria-colindex={i + 2}>
              <a id={columnHeaderId(ind.id)} {...followLink(to, set)}>
                {nameOf(ind, lang)}
              </a>
              <span className="sc-unit">{ind.unit}</span>
            </th>
          );
        })}
      </tr>
    </thead>
  );
});

/** A click on a cell's link, followed as `followLink` would: one handler for the table instead of one per cell. */
function followCell(e: MouseEvent<HTMLDivElement>, set: SetState) {
  const a = (e.target as Element).closest?.('a.sc-cell');
  if (a) follow(e, parseState(a.getAttribute('href') ?? ''), set);
}
