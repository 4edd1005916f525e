/**
 * What views use to draw a chart: loads ECharts lazily, shows the chart's written description
 * while it loads and if it fails, keeps a chart's failure from taking the page down, and
 * offers PNG and SVG downloads of exactly the option shown.
 */
import { Component, createContext, lazy, Suspense, useContext, useRef, type ReactNode } from 'react';
import { common, useT } from './i18n';
import type { ChartCaption } from '../charts/caption';
import type { ChartOption } from '../charts/types';
import { saveUrl } from './saveFile';

let core: Promise<typeof import('../charts/EChartCore')> | null = null;
/** The ECharts chunk, requested once; a failed request may be tried again. */
function loadCore() {
  core ??= import('../charts/EChartCore').catch((e: unknown) => {
    core = null;
    throw e;
  });
  return core;
}

/**
 * Starts fetching ECharts now. For views that draw charts at once (air, grain, indicator), so the
 * 200 KB chunk downloads while the view renders instead of after; the overview does not call
 * it: its numbers must paint before ECharts loads.
 */
export function preloadCharts(): void {
  loadCore().catch(() => undefined);
}

const EChartCore = lazy(loadCore);

/**
 * Set only while the build renders the pages of index.html (src/prerender/): draws an option
 * as static SVG markup, so the first paint has the chart before ECharts has downloaded.
 */
export const ChartSnapshotContext = createContext<((option: ChartOption, height: number) => string) | null>(null);

export interface EChartProps {
  option: ChartOption;
  /** A written description of what the chart shows (its accessible name and fallback). */
  description: string;
  height?: number;
  /** File name without extension; no download buttons when absent. */
  downloadName?: string;
  /** Title, districts and years, and sources, drawn into the downloaded image. */
  caption?: ChartCaption;
}

class ChartBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

export function EChart({ option, description, height = 320, downloadName, caption }: EChartProps) {
  const t = useT(common);
  const box = useRef<HTMLDivElement>(null);
  const drawStatic = useContext(ChartSnapshotContext);
  const placeholder = (text: ReactNode) => (
    <div className="chart-placeholder" style={{ minHeight: height }}>
      {text}
    </div>
  );
  const download = async (type: 'png' | 'svg') => {
    const { renderToDataUrl } = await loadCore();
    saveUrl(await renderToDataUrl(option, box.current?.clientWidth || 800, height, type, caption), `${downloadName}.${type}`);
  };
  return (
    <figure className="chart-figure">
      <div role="img" aria-label={description} ref={box} className="chart-box">
        {drawStatic ? (
          // Markup written by ECharts' SVG renderer, which escapes every text it draws (tests/snapshot.test.ts feeds it hostile names).
          // eslint-disable-next-line no-restricted-syntax
          <div className="chart-snapshot" dangerouslySetInnerHTML={{ __html: drawStatic(option, height) }} />
        ) : (
          <ChartBoundary fallback={placeholder(<p>{t('chartError')} {description}</p>)}>
            <Suspense fallback={placeholder(<p>{description}</p>)}>
              <EChartCore option={option} height={height} />
            </Suspense>
          </ChartBoundary>
        )}
      </div>
      {downloadName && (
        <div className="chart-downloads">
          <button type="button" onClick={() => void download('png')}>{t('downloadPng')}</button>
          <button type="button" onClick={() => void download('svg')}>{t('downloadSvg')}</button>
        </div>
      )}
    </figure>
  );
}
