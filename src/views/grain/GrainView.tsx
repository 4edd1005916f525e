/**
 * Grain for citizens: per district, output and sown area over the years with targets marked,
 * the yield per mu we compute (labelled as ours), a plain sentence, and every figure's source.
 */
import { useMemo } from 'react';
import { nameOf, useLang, useT } from '../../ui/i18n';
import { districtCaption } from '../../charts/caption';
import { preloadCharts } from '../../ui/EChart';
import { CitizenCard } from '../../ui/CitizenCard';
import { grainChartOption } from '../../charts/grainChart';
import { grainChartModel } from '../../model/citizenCharts';
import type { District } from '../../data/types';
import type { Catalog } from '../../model/catalog';
import { chooseDistricts, citizenYears, formatYield, GRAIN, grainSentenceInput, grainYears, latestResultYear } from '../../model/citizen';
import { formatQualified } from '../../model/format';
import { grainSentence } from '../../model/sentences';
import type { ViewProps } from '../types';
import { BigFigure, CitizenPicker, FigureLine, PageTop, partMessages } from '../../ui/citizenParts';
import { messages } from './messages';

// This view draws charts at once: fetch ECharts while it renders, not after.
preloadCharts();

const IDS = [GRAIN.output, GRAIN.area] as const;

export default function GrainView({ state, set, loaded }: ViewProps) {
  const t = useT(messages);
  const { catalog } = loaded;
  const chosen = useMemo(() => chooseDistricts(catalog, IDS, state.districts), [catalog, state.districts]);
  const years = useMemo(() => citizenYears(catalog, IDS, chosen.shown), [catalog, chosen.shown]);
  return (
    <section className="citizen citizen-grain" aria-labelledby="grain-title">
      <PageTop id="grain-title" title={t('title')} lead={t('lead')} shareTitle={t('share')} />
      <CitizenPicker {...chosen} onChange={(ids) => set({ districts: ids })} />
      {chosen.all.length === 0 && <p className="empty">{t('noDistricts')}</p>}
      <div className="citizen-cards">
        {chosen.shown.map((d) => (
          <DistrictGrain key={d.id} catalog={catalog} district={d} years={years} />
        ))}
      </div>
      <section className="explain" aria-labelledby="grain-explain">
        <h3 id="grain-explain">{t('explainTitle')}</h3>
        <p>{t('explain1')}</p>
        <p>{t('explain2')}</p>
      </section>
    </section>
  );
}

function DistrictGrain({ catalog, district, years }: { catalog: Catalog; district: District; years: number[] }) {
  const t = useT(messages);
  const p = useT(partMessages);
  const lang = useLang();
  const rows = useMemo(() => grainYears(catalog, district.id, years), [catalog, district.id, years]);
  const latest = latestResultYear(catalog, district.id, IDS);
  const now = rows.find((r) => r.year === latest);
  const outUnit = catalog.indicators.get(GRAIN.output)?.unit ?? '万吨';
  const areaUnit = catalog.indicators.get(GRAIN.area)?.unit ?? '万亩';
  const name = nameOf(district, lang);
  const sentence = grainSentence(grainSentenceInput(catalog, district), lang);
  const hasOutput = rows.some((r) => r.output.actual || r.output.target);
  const hasArea = rows.some((r) => r.area.actual || r.area.target);
  const yieldYears = rows.filter((r) => r.yield).length;
    const listOf = (get: (r: (typeof rows)[number]) => string) => rows.map((r) => `${t('yearTitle', { year: r.year })} ${get(r)}`).join(p('listSep'));
  const val = (s: (typeof rows)[number]['output']['actual'], unit: string) => (s ? formatQualified(s.obs.comparator, s.obs.canonicalValue, unit, lang) : p('noData'));

  return (
    <CitizenCard
      page="grain"
      district={district}
      name={name}
      big={
        now && (
          <>
            {now.output.actual && <BigFigure label={t('output', { year: now.year })} shown={now.output.actual} unit={outUnit} catalog={catalog} />}
            {now.area.actual && <BigFigure label={t('area', { year: now.year })} shown={now.area.actual} unit={areaUnit} catalog={catalog} />}
            {now.yield && (
              <div className="big big-computed">
                <div className="big-label">
                  {t('yield', { year: now.year })} <span className="computed-tag">{t('computed')}</span>
                </div>
                <div className="big-value">
                  {now.yield.estimate && <span className="tag-estimate big-est">{t('estimate')} </span>}
                  <span className="big-num">{formatYield(now.yield, lang)}</span>
                </div>
                <p className="big-note">{t('yieldNote')}</p>
              </div>
            )}
          </>
        )
      }
      sentence={sentence}
      charts={[
        ...(hasOutput
          ? [
              {
                title: t('chartOutput'),
                option: grainChartOption(grainChartModel(catalog, district.id, years, 'output', lang)),
                description: t('describeOutput', { name, list: listOf((r) => val(r.output.actual, outUnit)) }),
                height: 250,
                downloadName: `grain-output-${district.id}`,
                caption: districtCaption(catalog, { id: district.id, name }, [GRAIN.output], years, t('chartOutput'), lang),
              },
            ]
          : []),
        ...(hasArea
          ? [
              {
                title: t('chartArea'),
                option: grainChartOption(grainChartModel(catalog, district.id, years, 'area', lang)),
                description: t('describeArea', { name, list: listOf((r) => val(r.area.actual, areaUnit)) }),
                height: 230,
                downloadName: `grain-area-${district.id}`,
                caption: districtCaption(catalog, { id: district.id, name }, [GRAIN.area], years, t('chartArea'), lang),
              },
            ]
          : []),
        ...(yieldYears >= 2
          ? [
              {
                title: t('chartYield'),
                option: grainChartOption(grainChartModel(catalog, district.id, years, 'yield', lang)),
                description: t('describeYield', { name, list: listOf((r) => (r.yield ? formatYield(r.yield, lang) : p('noData'))) }),
                height: 230,
                downloadName: `grain-yield-${district.id}`,
                caption: districtCaption(catalog, { id: district.id, name }, [GRAIN.output, GRAIN.area], years, t('chartYield'), lang),
              },
            ]
          : []),
      ]}
    >
      <details className="years-details">
        <summary>{t('yearsTitle')}</summary>
        <ul className="year-list">
          {[...rows].reverse().map((r) => {
            const any = r.output.actual || r.output.target || r.area.actual || r.area.target;
            return (
              <li key={r.year}>
                <h4>{t('yearTitle', { year: r.year })}</h4>
                {!any && <p className="muted">{t('nothing')}</p>}
                {any && (
                  <>
                    <FigureLine label={t('outputLabel')} shown={r.output.actual} unit={outUnit} catalog={catalog} />
                    <FigureLine label={t('areaLabel')} shown={r.area.actual} unit={areaUnit} catalog={catalog} />
                    {r.yield && (
                      <div className="fig">
                        <span className="fig-label">
                          {t('yieldLabel')}
                          {p('sep')}
                        </span>
                        <span className="fig-value">{formatYield(r.yield, lang)}</span>
                      </div>
                    )}
                    {r.output.target && <FigureLine label={t('outputTarget')} shown={r.output.target} unit={outUnit} catalog={catalog} status={r.output.status} />}
                    {r.area.target && <FigureLine label={t('areaTarget')} shown={r.area.target} unit={areaUnit} catalog={catalog} status={r.area.status} />}
                  </>
                )}
              </li>
            );
          })}
        </ul>
      </details>
    </CitizenCard>
  );
}
