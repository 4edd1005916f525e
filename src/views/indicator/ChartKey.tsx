/**
 * What the chart's marks mean, in words beside a drawn sample, only for the marks the chart
 * shows. An HTML list rather than an ECharts legend, so it wraps on a phone instead of overlapping.
 */
import { useT } from '../../ui/i18n';
import { BAND_FILL, DISTRICT_COLOURS, targetMark, type TargetShape } from '../../charts/indicatorChart';
import { TARGET_COLOUR } from '../../charts/palette';
import { isGap, type IndicatorModel } from '../../model/indicatorModel';
import { messages } from './messages';

type Sample = TargetShape | 'bar' | 'estimate';

function Swatch({ kind }: { kind: Sample }) {
  const c = DISTRICT_COLOURS[0];
  const line = <line x1="2" y1="10" x2="26" y2="10" stroke={TARGET_COLOUR} strokeWidth="3" />;
  return (
    <svg className="iv-swatch" width="28" height="20" viewBox="0 0 28 20" aria-hidden="true" focusable="false">
      {kind === 'bar' && <rect x="8" y="3" width="12" height="17" fill={c} />}
      {kind === 'estimate' && (
        <>
          <defs>
            <pattern id="iv-hatch" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <line x1="0" y1="0" x2="0" y2="5" stroke="rgba(0,0,0,0.35)" strokeWidth="1.5" />
            </pattern>
          </defs>
          <rect x="8" y="3" width="12" height="17" fill={c} opacity="0.45" />
          <rect x="8" y="3" width="12" height="17" fill="url(#iv-hatch)" stroke={c} strokeDasharray="3 2" />
        </>
      )}
      {kind === 'line' && line}
      {kind === 'band' && (
        <>
          <rect x="2" y="4" width="24" height="12" fill={BAND_FILL} stroke={TARGET_COLOUR} strokeDasharray="3 2" />
          {line}
        </>
      )}
      {kind === 'floor' && (
        <>
          <line x1="2" y1="14" x2="26" y2="14" stroke={TARGET_COLOUR} strokeWidth="3" />
          <polygon points="8,11 20,11 14,2" fill={TARGET_COLOUR} />
        </>
      )}
      {kind === 'ceiling' && (
        <>
          <line x1="2" y1="6" x2="26" y2="6" stroke={TARGET_COLOUR} strokeWidth="3" />
          <polygon points="8,9 20,9 14,18" fill={TARGET_COLOUR} />
        </>
      )}
    </svg>
  );
}

export function ChartKey({ model }: { model: IndicatorModel }) {
  const t = useT(messages);
  const shapes = new Set<TargetShape>();
  let estimate = false;
  let gap = false;
  for (const row of model.cells) {
    for (const c of row) {
      if (c.target) shapes.add(targetMark(c.target.obs, model.indicator.measure).shape);
      if (c.actual?.obs.estimate) estimate = true;
      if (isGap(c)) gap = true;
    }
  }
  const tolerance = t(model.indicator.measure === 'level' ? 'toleranceLevel' : 'tolerancePoints');
  const items: [Sample, string][] = [['bar', t('keyBar')]];
  if (estimate) items.push(['estimate', t('keyEstimate')]);
  if (shapes.has('line')) items.push(['line', t('keyLine')]);
  if (shapes.has('band')) items.push(['band', t('keyBand', { tolerance })]);
  if (shapes.has('floor')) items.push(['floor', t('keyFloor')]);
  if (shapes.has('ceiling')) items.push(['ceiling', t('keyCeiling')]);
  if (shapes.has('text')) items.push(['text', t('keyText')]);

  return (
    <div className="iv-key">
      <h3 className="visually-hidden">{t('keyTitle')}</h3>
      <ul>
        {items.map(([kind, text]) => (
          <li key={kind} data-key={kind}>
            <Swatch kind={kind} />
            <span>{text}</span>
          </li>
        ))}
        {gap && (
          <li data-key="gap">
            <span className="iv-swatch iv-swatch-gap" aria-hidden="true" />
            <span>{t('keyGap')}</span>
          </li>
        )}
      </ul>
    </div>
  );
}
