/**
 * The overview (the default view): per district, the year's headline indicators as cards,
 * missed and provisional first; with `present=1`, the same figures as full-screen slides.
 */
import { useMemo } from 'react';
import { formatNumber } from '../../model/format';
import { nameOf, useLang, useT } from '../../ui/i18n';
import { DistrictPicker } from '../../ui/DistrictPicker';
import { buildOverview, DEFAULT_LIMIT } from '../../model/overviewCards';
import type { ViewProps } from '../types';
import { indicatorName } from '../../model/indicatorText';
import { messages } from './messages';
import { OverviewCard } from './OverviewCard';
import { Presentation, startPresentation } from './Presentation';
import { summarySentence } from './summary';
import './overview.css';
import { YearSelect } from '../../ui/YearSelect';
import { parseYear } from '../../core/url';

export default function OverviewView(props: ViewProps) {
  if (props.state.present) return <Presentation {...props} />;
  return <Overview {...props} />;
}

function Overview({ state, set, loaded }: ViewProps) {
  const t = useT(messages);
  const lang = useLang();
  const { catalog } = loaded;
  const overview = useMemo(() => buildOverview(catalog, { year: state.year?.to ?? null, districts: state.districts }), [catalog, state.year, state.districts]);
  const withData = useMemo(() => catalog.districtsWithData(), [catalog]);
  const { year } = overview;
  const names = (list: { name_zh: string; name_en: string }[]) => list.map((x) => nameOf(x, lang)).join(t('listSep'));
  const years = year !== null && !overview.years.includes(year) ? [...overview.years, year].sort((a, b) => a - b) : overview.years;
  const shownCount = overview.districts.length + overview.without.length;
  // Years that are some card's only result: said once for the page, not on every card.
  const onlyYears = useMemo(() => {
    const ys = new Set<number>();
    for (const d of overview.districts)
      for (const c of d.cards) {
        const withValues = c.trend.filter((p) => p.value !== null);
        if (withValues.length === 1) ys.add(withValues[0]!.year);
      }
    return [...ys].sort((a, b) => a - b);
  }, [overview]);
  // What is on screen is what the picker ticks: with none chosen in the link, the default ones shown.
  const ticked = state.districts.length ? state.districts : [...overview.districts.map((d) => d.district.id), ...overview.without.map((d) => d.id)];

  return (
    <section className="overview" aria-labelledby="ov-title">
      <div className="ov-top">
        <div>
          <h2 id="ov-title">{year === null ? t('titleNoYear') : t('title', { year })}</h2>
          <p className="muted ov-intro">{t('intro')}</p>
        </div>
        {overview.districts.length > 0 && (
          <button type="button" className="ov-present" onClick={() => startPresentation(set)}>
            <span aria-hidden="true">▶ </span>
            {t('present')}
          </button>
        )}
      </div>

      <div className="ov-controls">
        <div className="controls">
          <YearSelect label={t('year')} options={years} value={year} onChange={(v) => set({ year: parseYear(v) })} />
        </div>
        {withData.length > 1 && (
          <details className="ov-picker">
            <summary>{t('chooseDistricts', { shown: shownCount })}</summary>
            <p className="muted">{t('chooseHint', { limit: DEFAULT_LIMIT })}</p>
            <DistrictPicker districts={withData} chosen={ticked} onChange={(ids) => set({ districts: ids })} />
          </details>
        )}
      </div>
      {onlyYears.map((y) => (
        <p key={y} className="muted ov-trend-only">
          {t('trendOnlyPage', { year: y })}
        </p>
      ))}
      {overview.more > 0 && <p className="muted ov-more">{t('more', { count: formatNumber(overview.more, lang) })}</p>}

      {overview.unknown.length > 0 && (
        <p className="notice notice-warning">
          {t('unknown')}
          {overview.unknown.join(t('listSep'))}
        </p>
      )}
      {year === null && <p className="empty">{t('noDataAtAll')}</p>}
      {year !== null && overview.districts.length === 0 && <p className="empty">{t('noData', { year })}</p>}

      {overview.districts.map((d, di) => (
        <section key={d.district.id} className="ov-district" aria-labelledby={`ov-d-${d.district.id}`} data-district={d.district.id}>
          <h3 id={`ov-d-${d.district.id}`}>{nameOf(d.district, lang)}</h3>
          <p className="ov-summary">{summarySentence(d.summary, lang)}</p>
          {d.missing.length > 0 && (
            <p className="ov-missing" data-missing={d.missing.map((i) => i.id).join(',')}>
              {t('missing', { year: year! })}
              {d.missing.map((i) => indicatorName(i, lang)).join(t('listSep'))}
            </p>
          )}
          <div className="ov-cards">
            {d.cards.map((c, ci) => (
              <OverviewCard key={c.indicator.id} card={c} catalog={catalog} year={year!} first={di === 0 && ci === 0} />
            ))}
          </div>
        </section>
      ))}

      {year !== null && overview.without.length > 0 && overview.districts.length > 0 && (
        <p className="ov-missing ov-without">
          {t('without', { year })}
          {names(overview.without)}
        </p>
      )}
    </section>
  );
}
