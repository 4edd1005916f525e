/**
 * The one ECharts wrapper (lazily loaded): renders an option with the SVG renderer, resizes
 * with its box, disposes on unmount; renderToDataUrl serves the PNG and SVG downloads.
 */
// The ESM build: under package type=module the CJS lib/ default import is the exports object, not the component.
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { echarts } from './echarts';
import { type ChartCaption, frameSvg } from './caption';
import { renderToSvg } from './svg';
import type { ChartOption } from './types';

export interface EChartCoreProps {
  option: ChartOption;
  height: number;
}

/** PNG downloads are drawn at twice the on-screen size, so they stay sharp in print and slides. */
const PNG_SCALE = 2;

/**
 * Rasterises an SVG document: only the SVG renderer is shipped, so the PNG is the SVG drawn
 * through an <img> (a blob: URL, which the Content Security Policy's img-src allows) onto a
 * canvas at PNG_SCALE, on white.
 */
export async function svgToPng(svg: string, width: number, height: number, scale = PNG_SCALE): Promise<string> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = new Image(width, height);
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2d canvas');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return canvas.toDataURL('image/png');
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The option drawn off-screen as a PNG or SVG data URL. */
/** The chart as a file; with a caption, its title, districts, years and sources are drawn around it. */
export async function renderToDataUrl(option: ChartOption, width: number, height: number, type: 'png' | 'svg', caption?: ChartCaption): Promise<string> {
  const drawn = renderToSvg(option, width, height);
  const framed = caption ? frameSvg(drawn, width, height, caption) : { svg: drawn, height };
  if (type === 'svg') return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(framed.svg)}`;
  return svgToPng(framed.svg, width, framed.height);
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
