/** Rows of the preview: district, year, target and result (new ones marked, changed ones beside the figure they replace), status. */
import { nameOf, useLang, useT } from '../../ui/i18n';
import type { Catalog } from '../../model/catalog';
import { formatQualified } from '../../model/format';
import { SourceNote } from '../../ui/SourceNote';
import { StatusBadge } from '../../ui/StatusBadge';
import { messages } from './messages';
import type { PreviewCell, PreviewRow } from './preview';

function Figure({ cell, merged }: { cell: PreviewCell; merged: Catalog }) {
  const t = useT(messages);
  const lang = useLang();
  const o = cell.obs;
  if (!o) return <span className="check-none">{t('none')}</span>;
  return (
    <div className={`check-figure${cell.mark ? ` check-mark-${cell.mark}` : ''}`}>
      <span>
        <span className="check-value">{formatQualified(o.comparator, o.value, o.unit, lang)}</span>
        {o.estimate && <span className="check-estimate"> · {t('estimate')}</span>}
      </span>
      {cell.mark === 'new' && <span className="check-tag check-tag-new">★ {t('onlyHere')}</span>}
      {cell.mark === 'changed' && cell.was && (
        <span className="check-tag check-tag-changed">
          ✎ {t('changed', { was: formatQualified(cell.was.comparator, cell.was.value, cell.was.unit, lang) })}
        </span>
      )}
      <SourceNote obs={o} source={merged.sources.get(o.source)} remark />
    </div>
  );
}

export function PreviewTable({ indicator, name, rows, merged, changes }: { indicator: string; name: string; rows: PreviewRow[]; merged: Catalog; changes: boolean }) {
  const t = useT(messages);
  const lang = useLang();
  return (
    <div className="check-table-wrap">
      <table className={`check-preview-table${changes ? ' check-changes-table' : ''}`} data-indicator={indicator}>
        <caption className="visually-hidden">{name}</caption>
        <thead>
          <tr>
            <th scope="col">{t('district')}</th>
            <th scope="col">{t('year')}</th>
            <th scope="col">{t('target')}</th>
            <th scope="col">{t('actual')}</th>
            <th scope="col">{t('status')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const d = merged.districts.get(r.district);
            return (
              <tr key={`${r.district}-${r.year}`} data-district={r.district} data-year={r.year}>
                <th scope="row" data-label={t('district')}>
                  {d ? nameOf(d, lang) : r.district}
                </th>
                <td data-label={t('year')}>{r.year}</td>
                <td data-label={t('target')} className="check-target">
                  <Figure cell={r.target} merged={merged} />
                </td>
                <td data-label={t('actual')} className="check-actual">
                  <Figure cell={r.actual} merged={merged} />
                </td>
                <td data-label={t('status')}>
                  <StatusBadge status={r.pair.status} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
