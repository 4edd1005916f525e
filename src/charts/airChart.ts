/**
 * Air chart of one district: good-air days per year or the stated good-day ratio; targets as
 * dashes. Pure: view model (src/model/citizenCharts.ts, airChartModel) in, option out.
 */
import type { AirMetric, CitizenChartModel } from '../model/citizenCharts';
import { barsOption } from './citizenBars';
import { SERIES_COLOURS } from './palette';
import type { ChartOption } from './types';

export function airChartOption(m: CitizenChartModel<AirMetric>): ChartOption {
  const { metric, ...bars } = m;
  return barsOption({ ...bars, colour: metric === 'days' ? SERIES_COLOURS[2] : SERIES_COLOURS[4] });
}
