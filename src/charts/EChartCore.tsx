/**
 * The one ECharts wrapper (lazily loaded): renders an option with the SVG renderer, resizes
 * with its box, disposes on unmount; renderToDataUrl serves the PNG and SVG downloads.
 */
// The ESM build: under package type=module the CJS lib/ default import is the exports object, not the component.
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { echarts } from './echarts';
import type { ChartOption } from './types';

export interface EChartCoreProps {
  option: ChartOption;
  height: number;
}

/** Renders the option off-screen with the given renderer and returns a data URL. */
export function renderToDataUrl(option: ChartOption, width: number, height: number, type: 'png' | 'svg'): string {
  const div = document.createElement('div');
  div.style.cssText = `position:absolute;left:-10000px;top:0;width:${width}px;height:${height}px`;
  document.body.appendChild(div);
  const chart = echarts.init(div, undefined, { renderer: type === 'svg' ? 'svg' : 'canvas', width, height });
  try {
    chart.setOption({ ...option, animation: false });
    return chart.getDataURL({ type, pixelRatio: 2, backgroundColor: '#ffffff' });
  } finally {
    chart.dispose();
    div.remove();
  }
}

export default function EChartCore({ option, height }: EChartCoreProps) {
  const reduced = typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  return (
    <ReactEChartsCore
      echarts={echarts}
      option={reduced ? { ...option, animation: false } : option}
      notMerge
      lazyUpdate
      opts={{ renderer: 'svg' }}
      style={{ height, width: '100%' }}
    />
  );
}
