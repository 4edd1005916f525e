/**
 * The chart's data as a table: per district, each year's result and target as the report
 * words them, the status in icon and word, the gap, a source note per figure, and a flag
 * where sources disagree. Years without figures say so in words.
 */
import { common } from '../../core/i18n';
import { nameOf, useLang, useT } from '../../ui/i18n';
import { SourceNote } from '../../ui/SourceNote';
import { StatusBadge } from '../../ui/StatusBadge';
import type { Shown } from '../../model/catalog';
import { formatGap } from '../../model/format';
import { isGap, type IndicatorCell, type IndicatorModel } from '../../model/indicatorModel';
import { figureText } from '../../model/figureText';
import { otherSources } from '../../model/indicatorText';
import { missingResult, missingTarget, type Status } from '../../model/status';
import { messages } from './messages';

function Figure({ shown, model, kind, status }: { shown: Shown | null; model: IndicatorModel; kind: 'actual' | 'target'; status: Status }) {
  const t = useT(messages);
  const tc = useT(common);
  const lang = useLang();
  if (!shown) return <span className="muted">{tc(kind === 'actual' ? missingResult(status) : missingTarget(status))}</span>;
  const o = shown.obs;
  return (
    <div className={`iv-figure${o.estimate ? ' iv-estimate' : ''}`} data-kind={kind}>
      <span className="iv-value">{figureText(o, model.indicator.unit, lang)}</span>
      {shown.conflict && (
        <p className="iv-conflict">
          <span aria-hidden="true">⚠ </span>
          {t('conflictFlag')}
          {tc('colon')}
          {otherSources(shown, model.indicator, model.sources, lang).join(t('listSep'))}
        </p>
      )}
      <SourceNote obs={o} source={model.sources.get(o.source)} estimateShown />
    </div>
  );
}

function Row({ cell, model }: { cell: IndicatorCell; model: IndicatorModel }) {
  const t = useT(messages);
  const lang = useLang();
  if (isGap(cell)) {
    return (
      <tr className="iv-gap">
        <th scope="row">{cell.year}</th>
        <td colSpan={3} className="muted">
          {t('noFigures')}
        </td>
      </tr>
    );
  }
  const gap = cell.status.gap;
  return (
    <tr data-year={cell.year}>
      <th scope="row">{cell.year}</th>
      <td data-label={t('result')}>
        <Figure shown={cell.actual} model={model} kind="actual" status={cell.status} />
      </td>
      <td data-label={t('target')}>
        <Figure shown={cell.target} model={model} kind="target" status={cell.status} />
      </td>
      <td data-label={t('status')} className="iv-status">
        <StatusBadge status={cell.status} />
        {gap !== null && gap !== 0 && <div className="muted iv-gap-text">{formatGap(gap, model.indicator.measure, model.indicator.unit, lang)}</div>}
      </td>
    </tr>
  );
}

export function IndicatorTable({ model }: { model: IndicatorModel }) {
  const t = useT(messages);
  const lang = useLang();
  return (
    <section className="iv-table" aria-labelledby="iv-table-title">
      <h3 id="iv-table-title">{t('tableTitle')}</h3>
      <p className="muted">{t('tableIntro')}</p>
      {model.cells.map((row, di) => {
        const d = model.districts[di]!;
        return (
          <div className="table-scroll" key={d.id}>
            <table data-district={d.id}>
              <caption>{nameOf(d, lang)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('year')}</th>
                  <th scope="col">{t('result')}</th>
                  <th scope="col">{t('target')}</th>
                  <th scope="col">{t('status')}</th>
                </tr>
              </thead>
              <tbody>
                {row.map((c) => (
                  <Row key={c.year} cell={c} model={model} />
                ))}
              </tbody>
            </table>
          </div>
        );
      })}
    </section>
  );
}
