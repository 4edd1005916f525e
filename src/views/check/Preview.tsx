/**
 * The checked yearly files merged into the published data, changes first: each indicator with
 * new or changed figures opens on those rows (beside the published figure they replace) and its
 * chart; its unchanged rows and the indicators left as published stay folded.
 */
import { useMemo } from 'react';
import { nameOf, useLang, useT } from '../../ui/i18n';
import type { CheckedDataset } from '../../data/dataset';
import { Catalog } from '../../model/catalog';
import { EChart } from '../../ui/EChart';
import { indicatorOption } from '../../charts/indicatorChart';
import { buildIndicatorModel, chooseYears } from '../../model/indicatorModel';
import { describeIndicator } from '../../model/indicatorText';
import { useNarrow } from '../../ui/useNarrow';
import { messages } from './messages';
import { previewGroups, splitChanges, type PreviewGroup } from './preview';
import { PreviewTable } from './PreviewTable';

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

export function Preview({ dataset, published, checkedPaths }: { dataset: CheckedDataset; published: Catalog; checkedPaths: string[] }) {
  const t = useT(messages);
  const lang = useLang();
  const merged = useMemo(() => new Catalog(dataset, published.today), [dataset, published]);
  const split = useMemo(() => splitChanges(previewGroups(merged, published, checkedPaths)), [merged, published, checkedPaths]);
  const empty = split.touched.length === 0 && split.untouched.length === 0;
  return (
    <section className="check-preview" aria-labelledby="check-preview-title">
      <h3 id="check-preview-title">{t('previewTitle')}</h3>
      <p className="check-muted">{t('previewIntro')}</p>
      {empty && <p className="check-muted">{t('previewNone')}</p>}
      {!empty && split.touched.length === 0 && <p className="check-muted">{t('previewNoChanges')}</p>}
      {split.touched.map(({ group, marked, rest }) => {
        const name = nameOf(group.indicator, lang);
        return (
          <section key={group.indicator.id} className="check-preview-group check-changed-group" data-indicator={group.indicator.id}>
            <h4>
              {name} <span className="check-muted">({group.indicator.unit})</span>
              <span className="check-tag check-tag-new">{t('marked', { count: marked.length })}</span>
            </h4>
            <PreviewChart group={group} merged={merged} />
            <PreviewTable indicator={group.indicator.id} name={name} rows={marked} merged={merged} changes />
            {rest.length > 0 && (
              <details className="check-preview-rest">
                <summary>{t('restRows', { count: rest.length })}</summary>
                <PreviewTable indicator={group.indicator.id} name={name} rows={rest} merged={merged} changes={false} />
              </details>
            )}
          </section>
        );
      })}
      {split.untouched.length > 0 && (
        <details className="check-preview-group check-untouched">
          <summary>{t('untouched', { count: split.untouched.length })}</summary>
          {split.untouched.map((g) => {
            const name = nameOf(g.indicator, lang);
            return (
              <details key={g.indicator.id} className="check-preview-group" data-indicator={g.indicator.id}>
                <summary>
                  {name} <span className="check-muted">({g.indicator.unit})</span>
                </summary>
                <PreviewTable indicator={g.indicator.id} name={name} rows={g.rows} merged={merged} changes={false} />
              </details>
            );
          })}
        </details>
      )}
    </section>
  );
}
