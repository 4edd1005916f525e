/** One district's row: its name and tally (sticky), then a cell per indicator. Computed only when on screen. */
import { memo, useMemo } from 'react';
import { common, nameOf, type Translate, useLang, useT } from '../../ui/i18n';
import { toSearch, type Lang } from '../../core/url';
import { STATUS_STYLE } from '../../charts/palette';
import type { District, Indicator } from '../../data/types';
import type { Catalog, Shown } from '../../model/catalog';
import { ID } from '../../data/cells';
import { formatQualified } from '../../model/format';
import { cellState, scorecardRow, tally, type ScorecardCell } from '../../model/scorecard';
import { missingResult, missingTarget } from '../../model/status';
import { statusBadge } from '../../ui/StatusBadge';
import { messages } from './messages';
import { useMeasureRef } from '../../ui/rowWindow';
import type { ColumnWindow } from './columnWindow';

export const TALLY_KINDS = ['met', 'near', 'missed', 'pending', 'result-not-held'] as const;

interface Props {
  index: number;
  district: District;
  columns: Indicator[];
  /** The columns on screen (all of them when the rows are not windowed). */
  cols: ColumnWindow;
  year: number;
  catalog: Catalog;
  measure: ((el: HTMLTableRowElement | null) => void) | undefined;
}

export const ScorecardRow = memo(function ScorecardRow({ index, district, columns, cols, year, catalog, measure }: Props) {
  const t = useT(messages);
  const tc = useT(common);
  const lang = useLang();
  const ref = useMeasureRef(measure, index);
  const cells = useMemo(() => scorecardRow(catalog, district.id, columns, year), [catalog, district.id, columns, year]);
  const counts = tally(cells);
  const name = nameOf(district, lang);
  return (
    <tr data-index={index} ref={ref} aria-rowindex={index + 2}>
      <th scope="row" className="sc-name" aria-colindex={1}>
        <span className="sc-district" id={rowHeaderId(index)}>
          {name}
        </span>
        {/* Icons and counts on screen, the words once for assistive technology (hidden text per count cost layout and paint on every scroll). */}
        <span className="sc-tally" role="img" aria-label={t('tallyName', { ...counts, notHeld: counts['result-not-held'] })}>
          {TALLY_KINDS.map((k) => (
            <span key={k} className={`sc-count sc-count-${k}${counts[k] === 0 ? ' sc-zero' : ''}`} title={`${tc(k)} ${counts[k]}`}>
              <span className={`sc-icon status-${k}`}>{STATUS_STYLE[k].icon}</span>
              {counts[k]}
            </span>
          ))}
        </span>
      </th>
      <ColumnGap span={cols.first} />
      {cells.slice(cols.first, cols.last + 1).map((c, i) => (
        <td key={c.indicator.id} className={`sc-td sc-td-${c.pair.status.kind}`} aria-colindex={cols.first + i + 2}>
          {cellContent(c, index, year, catalog, lang, t, tc)}
        </td>
      ))}
      <ColumnGap span={columns.length - 1 - cols.last} />
    </tr>
  );
});

/** Stands in for the cells of the columns scrolled out of view. */
function ColumnGap({ span }: { span: number }) {
  if (span <= 0) return null;
  return <td aria-hidden="true" className="sc-gap" colSpan={span} />;
}

function figure(s: Shown | null, lang: Lang): string | null {
  return s ? formatQualified(s.obs.comparator, s.obs.value, s.obs.unit, lang) : null;
}

/**
 * One cell (a plain function, not a component: a screen of cells is then 50 fewer components to
 * render on every scroll): a link named by its row's district, its column's indicator and its own words
 * (aria-labelledby), so it makes sense alone in a list of links. Nothing in it is hidden text,
 * which costs layout and paint on every scroll; what is on screen is the name. A figure and the
 * space before it are one text node (a jump lays out every node of some fifty cells). A plain
 * click is followed inside the app by the table's one click handler (`followCell`).
 */
function cellContent(cell: ScorecardCell, index: number, year: number, catalog: Catalog, lang: Lang, t: Translate<typeof messages>, tc: Translate<typeof common>) {
  const { pair, indicator } = cell;
  if (cell.empty) return <span className="sc-empty">{t('empty')}</span>;
  const actual = figure(pair.actual, lang);
  const target = figure(pair.target, lang);
  const shown = pair.actual ?? pair.target;
  const source = shown ? catalog.sources.get(shown.obs.source) : undefined;
  const tip = shown ? `${t('sourceTip', { title: source?.title_zh ?? shown.obs.source })}\n${shown.obs.quote}` : undefined;
  const conflict = pair.actual?.conflict || pair.target?.conflict;
  const id = `sc-${index}-${indicator.id}`;
  return (
    <a id={id} className="sc-cell" title={tip} aria-labelledby={`${rowHeaderId(index)} ${columnHeaderId(indicator.id)} ${id}`} href={cellHref(lang, pair.district, indicator.id, year)}>
      {statusBadge(pair.status, tc)}
      <span className="sc-v">
        <span className="sc-k">{t('actual')}</span>
        {actual !== null ? ` ${actual}` : <> <span className="muted">{tc(missingResult(pair.status))}</span></>}
      </span>
      <span className="sc-v">
        <span className="sc-k">{t('target')}</span>
        {target !== null ? (
          ` ${target}`
        ) : (
          <>
            {' '}
            <span className="muted" role="img" aria-label={tc(missingTarget(pair.status))}>
              {t('none')}
            </span>
          </>
        )}
      </span>
      {conflict && (
        <span className="sc-conflict">
          <span aria-hidden="true">⚠ </span>
          {t('conflict')}
        </span>
      )}
    </a>
  );
}

/** Ids naming a cell's row and column (the district's name, the indicator's heading). */
export const rowHeaderId = (index: number) => `sc-row-${index}`;
export const columnHeaderId = (indicator: string) => `sc-col-${indicator}`;

/**
 * A cell's link: `toSearch(cellState(...))`, written out directly for the usual ids (letters,
 * digits and hyphens, which a query string keeps as they are). Built for every cell coming into
 * view, and URLSearchParams took a tenth of a scroll's script time.
 */
export function cellHref(lang: Lang, district: string, indicator: string, year: number): string {
  if (!ID.test(district) || !ID.test(indicator) || !Number.isInteger(year)) return toSearch(cellState(lang, district, indicator, year)) || '?';
  return `?view=indicator&indicator=${indicator}&districts=${district}&year=${year}${lang === 'zh' ? '' : `&lang=${lang}`}`; // the default language stays out of the URL, as url.ts serialises it
}
