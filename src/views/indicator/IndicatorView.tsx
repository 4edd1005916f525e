/**
 * The indicator view: one indicator over the years, districts side by side. The URL holds
 * the indicator, the districts and the year range; the chart, its written description and
 * the table below all read one IndicatorModel.
 */
import type { Lang } from '../../core/url';
import { useMemo } from 'react';
import { nameOf, useLang, useT } from '../../ui/i18n';
import { type ChartCaption, sourceLine, yearsText } from '../../charts/caption';
import { EChart, preloadCharts } from '../../ui/EChart';
import { axisUnit, downloadName, indicatorOption } from '../../charts/indicatorChart';
import {
  buildIndicatorModel,
  chooseDistricts,
  chooseIndicator,
  chooseYears,
  hasConflict,
  maxAbsValue,
} from '../../model/indicatorModel';
import { describeIndicator, indicatorDescription, indicatorName } from '../../model/indicatorText';
import { DistrictPicker } from '../../ui/DistrictPicker';
import { IndicatorSelect } from '../../ui/IndicatorSelect';
import type { ViewProps } from '../types';
import { ChartKey } from './ChartKey';
import { IndicatorTable } from './IndicatorTable';
import { messages } from './messages';
import { useNarrow } from '../../ui/useNarrow';
import './indicator.css';
import { YearSelect } from '../../ui/YearSelect';

// This view draws charts at once: fetch ECharts while it renders, not after.
preloadCharts();

export default function IndicatorView({ state, set, loaded }: ViewProps) {
  const t = useT(messages);
  const lang = useLang();
  const narrow = useNarrow();
  const { catalog } = loaded;

  const indicators = useMemo(() => catalog.indicatorsWithData(), [catalog]);
  const choice = useMemo(() => chooseIndicator(catalog, state.indicator), [catalog, state.indicator]);
  const indicatorId = choice.id;
  const districts = useMemo(
    () => (indicatorId ? chooseDistricts(catalog, indicatorId, state.districts) : null),
    [catalog, indicatorId, state.districts],
  );
  const years = useMemo(
    () => (indicatorId && districts ? chooseYears(catalog, indicatorId, districts.ids, state.year) : []),
    [catalog, indicatorId, districts, state.year],
  );
  const model = useMemo(
    () => (indicatorId && districts ? buildIndicatorModel(catalog, indicatorId, districts.ids, years) : null),
    [catalog, indicatorId, districts, years],
  );
  const option = useMemo(() => (model ? indicatorOption(model, { lang, compact: narrow }) : null), [model, lang, narrow]);
  const description = useMemo(() => (model ? describeIndicator(model, lang) : ''), [model, lang]);

  // The picker lists the districts with figures for this indicator, plus any chosen without.
  const pickable = useMemo(() => {
    if (!indicatorId || !districts) return [];
    const ids = new Set(districts.ids);
    return catalog.data.districts.filter((d) => ids.has(d.id) || catalog.has(d.id, indicatorId));
  }, [catalog, indicatorId, districts]);

  if (!indicatorId || !model || !districts) return <p className="empty">{t('noIndicators')}</p>;
  // A link naming no indicator of the data says so, and shows no other indicator in its place.
  if (choice.unknown)
    return (
      <section className="indicator-view" aria-labelledby="iv-title">
        <h2 id="iv-title">{t('unknownTitle')}</h2>
        <p className="notice notice-warning" role="status">
          {t('unknownIndicator', { id: choice.unknown })}
        </p>
        <div className="controls iv-controls">
          <IndicatorSelect className="iv-indicator" label={t('indicator')} indicators={indicators} value={null} onChange={(id) => id && set({ indicator: id })} />
        </div>
      </section>
    );

  const name = indicatorName(model.indicator, lang);
  const about = indicatorDescription(model.indicator, lang);
  const allYears = catalog.years;
  const from = model.years[0] ?? allYears[0];
  const to = model.years.at(-1) ?? allYears.at(-1);
  const setYears = (a: number, b: number) => set({ year: { from: Math.min(a, b), to: Math.max(a, b) } });
  const hasFigures = model.cells.some((row) => row.some((c) => c.target || c.actual));
  const caption: ChartCaption = {
    title: model.indicator.unit ? t('titleUnit', { indicator: name, unit: unitLabel(model.indicator.unit, maxAbsValue(model), lang) }) : name,
    subtitle: `${model.districts.map((d) => nameOf(d, lang)).join(t('listSep'))} · ${yearsText(model.years, lang)}`,
    source: sourceLine(model.cells.flatMap((row) => row.flatMap((c) => [c.actual, c.target].filter((x) => x !== null).map((x) => model.sources.get(x.obs.source)?.title_zh ?? x.obs.source))), lang),
  };

  return (
    <section className="indicator-view" aria-labelledby="iv-title">
      <h2 id="iv-title">
        {t('title', { indicator: name })}
        {model.indicator.unit && <span className="iv-unit">{t('unit', { unit: unitLabel(model.indicator.unit, maxAbsValue(model), lang) })}</span>}
      </h2>
      {about && <p className="iv-about">{about}</p>}

      <div className="controls iv-controls">
        <IndicatorSelect className="iv-indicator" label={t('indicator')} indicators={indicators} value={indicatorId} onChange={(id) => id && set({ indicator: id })} />
        {allYears.length > 1 && from !== undefined && to !== undefined && (
          <>
            <YearSelect label={t('from')} options={allYears} value={from} onChange={(v) => setYears(Number(v), to)} />
            <YearSelect label={t('to')} options={allYears} value={to} onChange={(v) => setYears(from, Number(v))} />
            {state.year && (
              <button type="button" onClick={() => set({ year: null })}>
                {t('allYears')}
              </button>
            )}
          </>
        )}
      </div>
      {pickable.length > 1 && (
        <details className="iv-picker" open={districts.isDefault && districts.availableCount > districts.ids.length ? true : undefined}>
          <summary>{t('chooseDistricts', { count: districts.ids.length })}</summary>
          <DistrictPicker districts={pickable} chosen={districts.ids} onChange={(ids) => set({ districts: ids })} />
        </details>
      )}

      {districts.unknown.length > 0 && (
        <p className="notice notice-warning" role="status">
          {t('unknownDistricts', { ids: districts.unknown.join(t('listSep')) })}
        </p>
      )}
      {districts.isDefault && districts.availableCount > districts.ids.length && (
        <p className="notice">{t('defaultCut', { count: districts.availableCount, shown: districts.ids.length })}</p>
      )}
      {hasConflict(model) && <p className="notice notice-warning">⚠ {t('conflict')}</p>}

      {!hasFigures || !option ? (
        <p className="empty">{t('noYears', { indicator: name })}</p>
      ) : (
        <>
          <EChart option={option} description={description} height={chartHeight(model.districts.length, narrow)} downloadName={downloadName(model)} caption={caption} />
          <ChartKey model={model} />
          <IndicatorTable model={model} />
        </>
      )}
    </section>
  );
}

/** The unit as the figures are written: 万吨 in zh; "thousand t (万吨)" in en. */
function unitLabel(unit: string, maxAbs: number, lang: Lang): string {
  if (lang === 'zh') return unit; // the unit as each language writes it (see axisUnit)
  const name = axisUnit(unit, maxAbs, 'en').name;
  return name && name !== unit ? `${name} (${unit})` : unit;
}

/** Taller on a phone, where the legend and labels need the room; more districts, more room. */
function chartHeight(districts: number, narrow: boolean): number {
  const base = narrow ? 320 : 400;
  return base + (narrow && districts > 2 ? 24 : 0);
}
