/** One district's row: its name and tally (sticky), then a cell per indicator. Computed only when on screen. */
import { memo, useMemo } from 'react';
import { common, useLang, useT } from '../../app/i18n';
import type { SetState } from '../../app/useAppState';
import type { Lang } from '../../app/url';
import { STATUS_STYLE } from '../../charts/palette';
import type { District, Indicator } from '../../data/types';
import type { Catalog, Shown } from '../../model/catalog';
import { formatQualified } from '../../model/format';
import { cellState, scorecardRow, tally, type ScorecardCell } from '../../model/scorecard';
import { districtName } from '../../ui/DistrictPicker';
import { StatusBadge } from '../../ui/StatusBadge';
import { followLink } from './links';
import { messages } from './messages';

export const TALLY_KINDS = ['met', 'near', 'missed', 'pending'] as const;

interface Props {
  index: number;
  district: District;
  columns: Indicator[];
  year: number;
  catalog: Catalog;
  set: SetState;
  measure: ((el: HTMLTableRowElement | null) => void) | undefined;
}

export const ScorecardRow = memo(function ScorecardRow({ index, district, columns, year, catalog, set, measure }: Props) {
  const tc = useT(common);
  const lang = useLang();
  const cells = useMemo(() => scorecardRow(catalog, district.id, columns, year), [catalog, district.id, columns, year]);
  const counts = tally(cells);
  const name = districtName(district, lang);
  return (
    <tr data-index={index} ref={measure} aria-rowindex={index + 2}>
      <th scope="row" className="sc-name">
        <span className="sc-district">{name}</span>
        <span className="sc-tally">
          {TALLY_KINDS.map((k) => (
            <span key={k} className={`sc-count sc-count-${k}${counts[k] === 0 ? ' sc-zero' : ''}`} title={`${tc(k)} ${counts[k]}`}>
              <span aria-hidden="true" style={{ color: STATUS_STYLE[k].colour }}>
                {STATUS_STYLE[k].icon}
              </span>
              {counts[k]}
              <span className="visually-hidden"> {tc(k)}</span>
            </span>
          ))}
        </span>
      </th>
      {cells.map((c) => (
        <td key={c.indicator.id} className={`sc-td sc-td-${c.pair.status.kind}`}>
          <Cell cell={c} district={name} year={year} catalog={catalog} set={set} lang={lang} />
        </td>
      ))}
    </tr>
  );
});

function figure(s: Shown | null, lang: Lang): string | null {
  return s ? formatQualified(s.obs.comparator, s.obs.value, s.obs.unit, lang) : null;
}

function Cell({ cell, district, year, catalog, set, lang }: { cell: ScorecardCell; district: string; year: number; catalog: Catalog; set: SetState; lang: Lang }) {
  const t = useT(messages);
  const { pair, indicator } = cell;
  if (cell.empty) return <span className="sc-empty">{t('empty')}</span>;
  const actual = figure(pair.actual, lang);
  const target = figure(pair.target, lang);
  const shown = pair.actual ?? pair.target;
  const source = shown ? catalog.sources.get(shown.obs.source) : undefined;
  const tip = shown ? `${t('sourceTip', { title: source?.title_zh ?? shown.obs.source })}\n${shown.obs.quote}` : undefined;
  const conflict = pair.actual?.conflict || pair.target?.conflict;
  return (
    <a className="sc-cell" title={tip} {...followLink(cellState(lang, pair.district, indicator.id, year), set)}>
      <span className="visually-hidden">{t('cellLabel', { district, indicator: lang === 'zh' ? indicator.name_zh : indicator.name_en })}</span>
      <StatusBadge status={pair.status} />
      <span className="sc-v">
        <span className="sc-k">{t('actual')}</span> {actual ?? <span className="muted">{t('noActual')}</span>}
      </span>
      <span className="sc-v">
        <span className="sc-k">{t('target')}</span> {target ?? (
          <span className="muted">
            <span aria-hidden="true">{t('none')}</span>
            <span className="visually-hidden">{t('noTarget')}</span>
          </span>
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
