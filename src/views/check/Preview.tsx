/** The checked yearly files merged into the published data: target against result, marked. */
import { useMemo } from 'react';
import { useLang, useT } from '../../app/i18n';
import type { CheckedDataset } from '../../data/dataset';
import { Catalog } from '../../model/catalog';
import { formatQualified } from '../../model/format';
import { districtName } from '../../ui/DistrictPicker';
import { SourceNote } from '../../ui/SourceNote';
import { StatusBadge } from '../../ui/StatusBadge';
import { EChart } from '../../charts/EChart';
import { indicatorOption } from '../../charts/indicatorChart';
import { buildIndicatorModel, chooseYears } from '../../model/indicatorModel';
import { describeIndicator } from '../../model/indicatorText';
import { useNarrow } from '../indicator/useNarrow';
import { messages } from './messages';
import { previewGroups, type PreviewCell, type PreviewGroup } from './preview';

/** The indicator's chart with the checked figures merged in: what the indicator view will draw once published. */
function PreviewChart({ group, merged }: { group: PreviewGroup; merged: Catalog }) {
  const lang = useLang();
  const narrow = useNarrow();
  const chart = useMemo(() => {
    const districts = [...new Set(group.rows.map((r) => r.district))];
    const model = buildIndicatorModel(merged, group.indicator.id, districts, chooseYears(merged, group.indicator.id, districts, null));
    return model && { option: indicatorOption(model, { lang, compact: narrow }), description: describeIndicator(model, lang) };
  }, [group, merged, lang, narrow]);
  return chart ? <EChart option={chart.option} description={chart.description} height={narrow ? 240 : 280} /> : null;
}

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

export function Preview({ dataset, published, checkedPaths }: { dataset: CheckedDataset; published: Catalog; checkedPaths: string[] }) {
  const t = useT(messages);
  const lang = useLang();
  const merged = useMemo(() => new Catalog(dataset, published.today), [dataset, published]);
  const groups = useMemo(() => previewGroups(merged, published, checkedPaths), [merged, published, checkedPaths]);
  return (
    <section className="check-preview" aria-labelledby="check-preview-title">
      <h3 id="check-preview-title">{t('previewTitle')}</h3>
      <p className="check-muted">{t('previewIntro')}</p>
      {groups.length === 0 && <p className="check-muted">{t('previewNone')}</p>}
      {groups.map((g) => {
        const marked = g.rows.filter((r) => r.target.mark || r.actual.mark).length;
        const name = lang === 'zh' ? g.indicator.name_zh : g.indicator.name_en;
        // Many indicators: those with new or changed figures open, the rest one tap away.
        return (
          <details key={g.indicator.id} className="check-preview-group" open={marked > 0 || groups.length <= 6}>
            <summary>
              {name} <span className="check-muted">({g.indicator.unit})</span>
              {marked > 0 && <span className="check-tag check-tag-new">{t('marked', { count: marked })}</span>}
            </summary>
            {marked > 0 && <PreviewChart group={g} merged={merged} />}
            <div className="check-table-wrap">
              <table className="check-preview-table" data-indicator={g.indicator.id}>
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
                  {g.rows.map((r) => {
                    const d = merged.districts.get(r.district);
                    return (
                      <tr key={`${r.district}-${r.year}`} data-district={r.district} data-year={r.year}>
                        <th scope="row" data-label={t('district')}>
                          {d ? districtName(d, lang) : r.district}
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
          </details>
        );
      })}
    </section>
  );
}
