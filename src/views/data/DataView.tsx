/**
 * Every observation in one table, with its quote and source: filtered and sorted by the URL
 * (districts, indicator, year, kind, sort), rows windowed, and downloadable as shown.
 */
import { memo, useEffect, useMemo, useRef } from 'react';
import { common, useLang, useT } from '../../ui/i18n';
import { formatYear, parseYear } from '../../core/url';
import { exportFileName, observationsCsv } from '../../model/csvExport';
import { ariaSort, dataTable, formatSort, parseSort, prepareSorts, SORT_COLUMNS, sortKeys, toggleSort, type DataFilter, type Sort, type SortColumn } from '../../model/dataTable';
import { DistrictPicker } from '../../ui/DistrictPicker';
import { IndicatorSelect } from '../../ui/IndicatorSelect';
import type { SetState } from '../../core/url';
import type { District, Observation } from '../../data/types';
import type { Catalog } from '../../model/catalog';
import type { ViewProps } from '../types';
import { DataRow } from './DataRow';
import { saveText } from '../../ui/saveFile';
import { runWhenIdle } from '../../ui/idle';
import { messages } from './messages';
import { useRowWindow, WindowBody } from '../../ui/rowWindow';
import './data.css';
import { YearSelect } from '../../ui/YearSelect';

const HEADINGS: Record<SortColumn, keyof (typeof messages)['zh']> = {
  district: 'colDistrict',
  indicator: 'colIndicator',
  year: 'colYear',
  kind: 'colKind',
  value: 'colValue',
  estimate: 'colEstimate',
  source: 'colSource',
  quote: 'colQuote',
};

export default function DataView({ state, set, loaded }: ViewProps) {
  const t = useT(messages);
  const tc = useT(common);
  const lang = useLang();
  const { catalog } = loaded;
  const total = catalog.data.observations.length;

  const indicatorKnown = state.indicator !== null && catalog.indicators.has(state.indicator);
  const unknownDistricts = state.districts.filter((id) => !catalog.districts.has(id));
  const filter = useMemo<DataFilter>(
    () => ({
      districts: state.districts.filter((id) => catalog.districts.has(id)),
      indicator: state.indicator !== null && catalog.indicators.has(state.indicator) ? state.indicator : null,
      year: state.year,
      kind: state.kind,
    }),
    [catalog, state.districts, state.indicator, state.year, state.kind],
  );
  const sort = useMemo(() => parseSort(state.sort), [state.sort]);
  const keys = useMemo(() => sortKeys(catalog, lang), [catalog, lang]);
  const rows = useMemo(() => dataTable(catalog, filter, sort, keys), [catalog, filter, sort, keys]);
  // Order the whole data set by every column while the page is idle, so a first sort only
  // picks a ready order (a click before that is done sorts its column at once, as before).
  useEffect(() => runWhenIdle(prepareSorts(catalog, keys)), [catalog, keys]);

  const indicators = useMemo(() => catalog.indicatorsWithData(), [catalog]);
  const withData = useMemo(() => catalog.districtsWithData(), [catalog]);
  const yearValue = state.year ? formatYear(state.year) : '';
  // Every published year: a year filter in the URL fetches only its years (src/app/fetchPlan.ts).
  const yearOptions = loaded.available.map(String);
  if (yearValue && !yearOptions.includes(yearValue)) yearOptions.push(yearValue);
  const filtered = filter.districts.length > 0 || filter.indicator !== null || state.year !== null || state.kind !== null;

  const download = () =>
    saveText(
      exportFileName({ indicator: filter.indicator, year: state.year ? formatYear(state.year) : null, kind: state.kind, districts: filter.districts }),
      observationsCsv(rows, catalog.sources),
    );

  return (
    <section className="data-view" aria-labelledby="dt-title">
      <h2 id="dt-title">{t('title')}</h2>
      <p className="muted dt-intro">{t('intro')}</p>

      <div className="controls dt-controls">
        <IndicatorSelect label={t('indicator')} indicators={indicators} value={filter.indicator} allLabel={t('allIndicators')} onChange={(id) => set({ indicator: id })} />
        <YearSelect label={t('year')} options={yearOptions} value={yearValue} allLabel={t('allYears')} onChange={(v) => set({ year: parseYear(v) })} />
        <label>
          {t('kind')}
          <select value={state.kind ?? ''} onChange={(e) => set({ kind: e.target.value === 'target' || e.target.value === 'actual' ? e.target.value : null })}>
            <option value="">{t('allKinds')}</option>
            <option value="target">{t('target')}</option>
            <option value="actual">{t('actual')}</option>
          </select>
        </label>
        {withData.length > 1 && <DistrictChoice districts={withData} chosen={filter.districts} set={set} />}
        {filtered && (
          <button type="button" onClick={() => set({ districts: [], indicator: null, year: null, kind: null })}>
            {t('reset')}
          </button>
        )}
        <button type="button" className="dt-download" onClick={download} disabled={rows.length === 0}>
          <span aria-hidden="true">⤓ </span>
          {t('download', { count: rows.length })}
        </button>
      </div>

      {state.indicator !== null && !indicatorKnown && <p className="notice notice-warning">{t('unknownIndicator', { id: state.indicator })}</p>}
      {unknownDistricts.length > 0 && <p className="notice notice-warning">{t('unknownDistricts', { ids: unknownDistricts.join(t('listSep')) })}</p>}

      <p className="dt-count" role="status">
        {t('count', { shown: rows.length, total })}
      </p>
      {sort?.column === 'value' && filter.indicator === null && <p className="muted dt-sort-note">{t('valueSortNote')}</p>}

      {rows.length === 0 ? (
        <p className="empty">{total === 0 ? tc('noData') : t('none')}</p>
      ) : (
        <DataTable rows={rows} catalog={catalog} sort={sort} set={set} />
      )}
    </section>
  );
}

/**
 * The table on its own (memoised): scrolling re-renders only this and the rows coming into view,
 * not the filters and the district picker above it.
 */
const DataTable = memo(function DataTable({ rows, catalog, sort, set }: { rows: readonly Observation[]; catalog: Catalog; sort: Sort | null; set: SetState }) {
  const t = useT(messages);
  const box = useRef<HTMLDivElement>(null);
  // Two rows either side (after a sort, the rows in view come first: see rowsFor).
  const win = useRowWindow(rows.length, box, 96, 2, rows);
  const span = SORT_COLUMNS.length;
  return (
    <div className="dt-box" ref={box} tabIndex={0} role="region" aria-label={t('scrollBox')}>
      <table className="dt-table" aria-rowcount={rows.length + 1}>
        <thead>
          <tr aria-rowindex={1}>
            {SORT_COLUMNS.map((col) => {
              const dir = ariaSort(sort, col);
              return (
                <th key={col} scope="col" aria-sort={dir} className={`dt-h dt-${col}`}>
                  <button type="button" className="dt-sort" onClick={() => set({ sort: formatSort(toggleSort(sort, col)) })} title={t('sortBy', { column: t(HEADINGS[col]) })}>
                    {t(HEADINGS[col])}
                    <span aria-hidden="true" className="dt-arrow">
                      {dir === 'ascending' ? '▲' : dir === 'descending' ? '▼' : '↕'}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <WindowBody
          win={win}
          span={span}
          row={(i) => <DataRow key={win.key(i, `${rows[i]!.origin.file}:${rows[i]!.origin.line}`)} index={i} obs={rows[i]!} catalog={catalog} measure={win.measure} />}
        />
      </table>
    </div>
  );
});

/** The district picker, memoised: a sort or a scroll of the table does not re-render it. */
const DistrictChoice = memo(function DistrictChoice({ districts, chosen, set }: { districts: District[]; chosen: readonly string[]; set: SetState }) {
  const t = useT(messages);
  // None chosen shows every district: so every box is ticked, and unticking one leaves the others.
  const ticked = chosen.length ? [...chosen] : districts.map((d) => d.id);
  const choose = (ids: string[]) => set({ districts: ids.length === districts.length ? [] : ids });
  return (
    <details className="dt-districts">
      <summary className="tap">{t('chooseDistricts', { count: chosen.length || t('allDistricts') })}</summary>
      <DistrictPicker districts={districts} chosen={ticked} onChange={choose} />
    </details>
  );
});
