/**
 * Grain charts of one district: output, sown area, or the yield per mu we compute. Pure: view
 * model (src/model/citizenCharts.ts, grainChartModel) in, option out.
 */
import type { CitizenChartModel, GrainMetric } from '../model/citizenCharts';
import { barsOption } from './citizenBars';
import { SERIES_COLOURS } from './palette';
import type { ChartOption } from './types';

export function grainChartOption(m: CitizenChartModel<GrainMetric>): ChartOption {
  const { metric, ...bars } = m;
  return barsOption({ ...bars, colour: metric === 'output' ? SERIES_COLOURS[1] : metric === 'area' ? SERIES_COLOURS[0] : SERIES_COLOURS[5] });
}
