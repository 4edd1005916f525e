/** One headline indicator of one district: result, target, status, gap, trend, next year's target, sources. */
import { useRef } from 'react';
import { common } from '../../core/i18n';
import { useLang, useT } from '../../ui/i18n';
import { missingResult, missingTarget } from '../../model/status';
import { EChart } from '../../ui/EChart';
import { sparklineDescription, sparklineOption } from '../../charts/sparkline';
import type { Indicator } from '../../data/types';
import type { Catalog, Shown } from '../../model/catalog';
import { formatGap } from '../../model/format';
import type { OverviewCard as Card, TrendPoint } from '../../model/overviewCards';
import { SourceNote } from '../../ui/SourceNote';
import { StatusBadge } from '../../ui/StatusBadge';
import { CARD_FIGURE, figureText } from '../../model/figureText';
import { indicatorName } from '../../model/indicatorText';
import { messages } from './messages';
import { useNearViewport } from './useNearViewport';

/** A figure with its qualifier, its estimate mark, a conflict flag and its source one tap away. */
export function Figure({
  shown,
  indicator,
  catalog,
  big,
  first,
}: {
  shown: Shown;
  indicator: Indicator;
  catalog: Catalog;
  big?: boolean;
  /** Marks the page's first headline number (a load benchmark waits for it). */
  first?: boolean;
}) {
  const t = useT(messages);
  const lang = useLang();
  const o = shown.obs;
  return (
    <>
      <span className={big ? 'ov-value ov-value-big' : 'ov-value'} data-first-number={first ? '' : undefined}>
        {o.comparator === 'text' ? (
          <>
            {t('qualitative')}
            <q lang="zh">{o.quote}</q>
          </>
        ) : (
          figureText(shown.obs, indicator.unit, lang, CARD_FIGURE)
        )}
      </span>
      {o.estimate && (
        <span className="ov-estimate" title={t('estimateLong')}>
          {' '}
          ({t('estimate')})
        </span>
      )}
      {shown.conflict && (
        <details className="ov-conflict">
          <summary>⚠ {t('conflict')}</summary>
          <p>{t('conflictOthers')}</p>
          <ul>
            {shown.others.map((other) => (
              <li key={other.source}>
                {other.comparator === 'text' ? <q lang="zh">{other.quote}</q> : figureText(other, indicator.unit, lang, CARD_FIGURE)}
                {other.estimate && ` (${t('estimate')})`}
                <SourceNote obs={other} source={catalog.sources.get(other.source)} estimateShown />
              </li>
            ))}
          </ul>
        </details>
      )}
      <SourceNote obs={o} source={catalog.sources.get(o.source)} estimateShown />
      <PrintSource shown={shown} catalog={catalog} />
    </>
  );
}

/** The source in words, on paper only (a printed brief cannot open a source note). */
function PrintSource({ shown, catalog }: { shown: Shown; catalog: Catalog }) {
  const tc = useT(common);
  const o = shown.obs;
  const title = catalog.sources.get(o.source)?.title_zh ?? o.source;
  return (
    <span className="print-only ov-print-source">
      {tc('source')}
      {tc('colon')}
      {title}
      {o.sourceLine !== null && ` · ${tc('line', { line: o.sourceLine })}`}
    </span>
  );
}

export function OverviewCard({ card, catalog, year, first }: { card: Card; catalog: Catalog; year: number; first?: boolean }) {
  const t = useT(messages);
  const tc = useT(common);
  const lang = useLang();
  const { indicator, pair, next, trend } = card;
  const name = indicatorName(indicator, lang);
  const st = pair.status;
  const onlyNext = !pair.target && !pair.actual;
  return (
    <article
      className={`ov-card ov-${st.kind}${st.provisional ? ' ov-provisional' : ''}${onlyNext ? ' ov-only-next' : ''}`}
      data-indicator={indicator.id}
      data-status={onlyNext ? 'none' : st.kind}
    >
      <header className="ov-card-head">
        <h4>{name}</h4>
        {onlyNext ? <span className="ov-none">{t('noFigure', { year })}</span> : <StatusBadge status={st} />}
      </header>
      <dl className="ov-figures">
        {!onlyNext && (
          <>
            <div className="ov-row ov-row-result">
              <dt>{t('result', { year })}</dt>
              <dd>
                {pair.actual ? (
                  <Figure shown={pair.actual} indicator={indicator} catalog={catalog} big first={first} />
                ) : (
                  <span className="ov-none">{tc(missingResult(st))}</span>
                )}
              </dd>
            </div>
            <div className="ov-row">
              <dt>{t('target', { year })}</dt>
              <dd>
                {pair.target ? (
                  <Figure shown={pair.target} indicator={indicator} catalog={catalog} first={first && !pair.actual} />
                ) : (
                  <span className="ov-none">{tc(missingTarget(st))}</span>
                )}
              </dd>
            </div>
            {st.gap !== null && (
              <div className="ov-row">
                <dt>{t('gap')}</dt>
                <dd className={st.gap < 0 ? 'ov-gap ov-gap-short' : 'ov-gap'}>{formatGap(st.gap, indicator.measure, indicator.unit, lang)}</dd>
              </div>
            )}
          </>
        )}
        {next && (
          <div className="ov-row ov-row-next">
            <dt>{t('nextTarget', { year: card.nextYear })}</dt>
            <dd>
              <Figure shown={next} indicator={indicator} catalog={catalog} first={first && onlyNext} />
            </dd>
          </div>
        )}
      </dl>
      <Trend trend={trend} name={name} unit={indicator.unit} />
    </article>
  );
}

/** The sparkline once two years have results; with one, nothing here: the page says it once (a lone dot is no trend). */
function Trend({ trend, name, unit }: { trend: TrendPoint[]; name: string; unit: string }) {
  const t = useT(messages);
  const lang = useLang();
  const box = useRef<HTMLDivElement>(null);
  const near = useNearViewport(box);
  const withValues = trend.filter((p) => p.value !== null);
  if (withValues.length === 0) return null;
  if (withValues.length === 1) return null;
  const description = sparklineDescription(trend, name, unit, lang);
  return (
    <div className="ov-trend" ref={box}>
      {near ? (
        <EChart option={sparklineOption(trend)} description={description} height={44} />
      ) : (
        <div className="ov-trend-wait" role="img" aria-label={description} />
      )}
      <div className="ov-trend-years" aria-hidden="true">
        <span>{trend[0]!.year}</span>
        <span>{t('trend')}</span>
        <span>{trend.at(-1)!.year}</span>
      </div>
    </div>
  );
}
