/**
 * Air quality for citizens: per district, the good-air days of the latest year out of the
 * year's days, the ratio the report states, a plain sentence, the trend, targets, and every
 * figure's source one tap away; then what 优良 means and why the ratio differs.
 */
import type { Lang } from '../../core/url';
import { useMemo } from 'react';
import { nameOf, useLang, useT } from '../../ui/i18n';
import { airChartOption } from '../../charts/airChart';
import { airChartModel } from '../../model/citizenCharts';
import { districtCaption } from '../../charts/caption';
import { preloadCharts } from '../../ui/EChart';
import { CitizenCard } from '../../ui/CitizenCard';
import type { District } from '../../data/types';
import type { Catalog } from '../../model/catalog';
import { AIR, airSentenceInput, airYears, chooseDistricts, citizenYears, latestResultYear, otherAirIndicators, ratioExample } from '../../model/citizen';
import { formatNumber, formatQualified } from '../../model/format';
import { airSentence, daysInYear } from '../../model/sentences';
import type { ViewProps } from '../types';
import { messages } from './messages';
import { BigFigure, CitizenPicker, FigureLine, PageTop, partMessages } from '../../ui/citizenParts';

// This view draws charts at once: fetch ECharts while it renders, not after.
preloadCharts();

const IDS = [AIR.days, AIR.ratio] as const;
const pct = (x: number, lang: Lang) => `${formatNumber(Math.round(x * 10) / 10, lang)}%`;

export default function AirView({ state, set, loaded }: ViewProps) {
  const t = useT(messages);
  const lang = useLang();
  const { catalog } = loaded;
  const chosen = useMemo(() => chooseDistricts(catalog, IDS, state.districts), [catalog, state.districts]);
  const years = useMemo(() => citizenYears(catalog, IDS, chosen.shown), [catalog, chosen.shown]);
  const example = useMemo(() => ratioExample(catalog, [...chosen.shown, ...chosen.all]), [catalog, chosen]);
  const hasPm = [...catalog.indicators.keys()].some((id) => /pm(2[-.]?5|10)/i.test(id) && chosen.shown.some((d) => catalog.has(d.id, id)));

  return (
    <section className="citizen citizen-air" aria-labelledby="air-title">
      <PageTop id="air-title" title={t('title')} lead={t('lead')} shareTitle={t('share')} />
      <CitizenPicker {...chosen} onChange={(ids) => set({ districts: ids })} />
      {chosen.all.length === 0 && <p className="empty">{t('noDistricts')}</p>}
      <div className="citizen-cards">
        {chosen.shown.map((d) => (
          <DistrictAir key={d.id} catalog={catalog} district={d} years={years} />
        ))}
      </div>
      <section className="explain" aria-labelledby="air-explain">
        <h3 id="air-explain">{t('explainTitle')}</h3>
        <p>{t('explain1')}</p>
        <h3>{t('explainWhyTitle')}</h3>
        <p>{t('explain2')}</p>
        {example && (
          <p className="explain-example">
            {t('explainExample', {
              name: nameOf(example.district, lang),
              year: example.year,
              days: example.days,
              total: example.daysInYear,
              share: pct(example.share, lang),
              ratio: pct(example.ratio, lang),
              monitored: example.monitored,
            })}
          </p>
        )}
        {!hasPm && <p>{t('pm')}</p>}
        <p className="standards">{t('standards')}</p>
      </section>
    </section>
  );
}

function DistrictAir({ catalog, district, years }: { catalog: Catalog; district: District; years: number[] }) {
  const t = useT(messages);
  const p = useT(partMessages);
  const lang = useLang();
  const rows = useMemo(() => airYears(catalog, district.id, years), [catalog, district.id, years]);
  const latest = latestResultYear(catalog, district.id, IDS);
  const now = rows.find((r) => r.year === latest);
  const sentence = airSentence(airSentenceInput(catalog, district), lang);
  const daysUnit = catalog.indicators.get(AIR.days)?.unit ?? '天';
  const ratioUnit = catalog.indicators.get(AIR.ratio)?.unit ?? '%';
  const name = nameOf(district, lang);
  const hasDays = rows.some((r) => r.days.actual || r.days.target);
  const ratioYears = rows.filter((r) => r.ratio.actual?.obs.canonicalValue != null).length;
  const others = otherAirIndicators(catalog, district.id);
  const listOf = (get: (r: (typeof rows)[number]) => string) => rows.map((r) => `${t('yearTitle', { year: r.year })} ${get(r)}`).join(p('listSep'));

  return (
    <CitizenCard
      page="air"
      district={district}
      name={name}
      big={
        now && (
          <>
            {now.days.actual && (
              <BigFigure label={t('days', { year: now.year })} shown={now.days.actual} unit={daysUnit} catalog={catalog} after={t('ofYear', { n: now.daysInYear })}>
                {now.share !== null && <p className="big-note">{t('share100', { n: now.daysInYear, pct: pct(now.share, lang) })}</p>}
              </BigFigure>
            )}
            {now.ratio.actual && <BigFigure label={t('ratio', { year: now.year })} shown={now.ratio.actual} unit={ratioUnit} catalog={catalog} />}
          </>
        )
      }
      sentence={sentence}
      charts={[
        ...(hasDays
          ? [
              {
                title: t('chartDays'),
                option: airChartOption(airChartModel(catalog, district.id, years, 'days', lang)),
                description: t('describeDays', { name, list: listOf((r) => (r.days.actual ? formatQualified(r.days.actual.obs.comparator, r.days.actual.obs.canonicalValue, daysUnit, lang) : p('noData'))) }),
                height: 260,
                downloadName: `air-days-${district.id}`,
                caption: districtCaption(catalog, { id: district.id, name }, [AIR.days], years, t('chartDays'), lang),
              },
            ]
          : []),
        ...(ratioYears >= 2
          ? [
              {
                title: t('chartRatio'),
                option: airChartOption(airChartModel(catalog, district.id, years, 'ratio', lang)),
                description: t('describeRatio', { name, list: listOf((r) => (r.ratio.actual ? formatQualified(r.ratio.actual.obs.comparator, r.ratio.actual.obs.canonicalValue, ratioUnit, lang) : p('noData'))) }),
                height: 240,
                downloadName: `air-ratio-${district.id}`,
                caption: districtCaption(catalog, { id: district.id, name }, [AIR.ratio], years, t('chartRatio'), lang),
              },
            ]
          : []),
      ]}
    >
      <details className="years-details">
        <summary>{t('yearsTitle')}</summary>
        <ul className="year-list">
          {[...rows].reverse().map((r) => {
            const any = r.days.actual || r.days.target || r.ratio.actual || r.ratio.target;
            return (
              <li key={r.year}>
                <h4>{t('yearTitle', { year: r.year })}</h4>
                {!any && <p className="muted">{t('nothing')}</p>}
                {any && (
                  <>
                    <FigureLine label={t('daysLabel')} shown={r.days.actual} unit={daysUnit} catalog={catalog} />
                    {r.share !== null && <p className="big-note">{t('computedShare', { n: daysInYear(r.year), pct: pct(r.share, lang) })}</p>}
                    <FigureLine label={t('ratioLabel')} shown={r.ratio.actual} unit={ratioUnit} catalog={catalog} />
                    {r.days.target && <FigureLine label={t('daysTarget')} shown={r.days.target} unit={daysUnit} catalog={catalog} status={r.days.status} />}
                    {r.ratio.target && <FigureLine label={t('ratioTarget')} shown={r.ratio.target} unit={ratioUnit} catalog={catalog} status={r.ratio.status} />}
                  </>
                )}
              </li>
            );
          })}
        </ul>
      </details>
      {others.length > 0 && (
        <div className="also">
          <h4>{t('also')}</h4>
          {others.map((ind) =>
            catalog.observationsOf(district.id, ind.id).length ? (
              <div key={ind.id}>
                {catalog.years
                  .filter((y) => catalog.shown(district.id, ind.id, y, 'actual') || catalog.shown(district.id, ind.id, y, 'target'))
                  .map((y) => {
                    const pair = catalog.pair(district.id, ind.id, y);
                    const label = t('otherActual', { name: nameOf(ind, lang), year: y });
                    return (
                      <div key={y}>
                        {pair.actual && <FigureLine label={label} shown={pair.actual} unit={ind.unit} catalog={catalog} />}
                        {pair.target && <FigureLine label={t('otherTarget', { name: nameOf(ind, lang), year: y })} shown={pair.target} unit={ind.unit} catalog={catalog} status={pair.status} />}
                      </div>
                    );
                  })}
              </div>
            ) : null,
          )}
        </div>
      )}
    </CitizenCard>
  );
}
