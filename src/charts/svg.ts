/** Charts drawn to an SVG string without the page: for downloads and for the pages made at build time. */
import { echarts } from './echarts';
import type { ChartOption } from './types';

/** The option as an SVG document of the given size, on white. */
export function renderToSvg(option: ChartOption, width: number, height: number): string {
  const chart = echarts.init(null, undefined, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ ...option, animation: false, backgroundColor: '#ffffff' });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
