/**
 * Renders the pages of SNAPSHOTS (src/app/snapshot.ts) to HTML on the data of the build, with
 * the same components the app uses; vite.config.ts writes them into index.html as <template>s.
 * Runs in Node at build time only.
 */
import type { ComponentType } from 'react';
import { renderToString } from 'react-dom/server';
import { AppFrame, ViewArea } from '../app/AppFrame';
import { SNAPSHOTS } from '../app/snapshot';
import type { Loaded } from '../app/useDataset';
import type { View } from '../app/url';
import { ChartSnapshotContext } from '../charts/EChart';
import { renderToSvg } from '../charts/svg';
import type { ChartOption } from '../charts/types';
import { buildDataset, type RawFile } from '../data/dataset';
import { Catalog } from '../model/catalog';
import { today } from '../app/today';
import AirView from '../views/air/AirView';
import GrainView from '../views/grain/GrainView';
import OverviewView from '../views/overview/OverviewView';
import type { ViewProps } from '../views/types';
import { staticSvg } from './staticSvg';

const VIEWS: Partial<Record<View, ComponentType<ViewProps>>> = { overview: OverviewView, air: AirView, grain: GrainView };

/**
 * A citizen page's chart box is 294–348 px wide on phones and 454–508 px on wider screens (CSS
 * shows one of the two drawings); the SVG keeps the live chart's height and scales into the
 * box's width, and the live chart replaces it a second or two later.
 */
export const SNAPSHOT_CHART_WIDTHS = { narrow: 320, wide: 508 } as const;

function drawStatic(option: ChartOption, height: number): string {
  const svg = (w: number) => staticSvg(renderToSvg(option, w, height));
  return `<div class="snap-narrow">${svg(SNAPSHOT_CHART_WIDTHS.narrow)}</div><div class="snap-wide">${svg(SNAPSHOT_CHART_WIDTHS.wide)}</div>`;
}

export interface RenderedSnapshot {
  key: string;
  html: string;
}

export function renderSnapshots(files: RawFile[]): RenderedSnapshot[] {
  const dataset = buildDataset(files);
  // The build's day: the app says the same once it has read the reader's day (src/app/today.ts).
  const loaded: Loaded = { dataset, catalog: new Catalog(dataset, today()), available: dataset.years };
  const noop = () => undefined;
  return SNAPSHOTS.map(({ key, state }) => {
    const View = VIEWS[state.view];
    if (!View) throw new Error(`No component for the snapshot of view ${state.view}`);
    const html = renderToString(
      <ChartSnapshotContext.Provider value={drawStatic}>
        <AppFrame state={state} set={noop}>
          <ViewArea View={View} state={state} set={noop} loaded={loaded} onRetry={noop} />
        </AppFrame>
      </ChartSnapshotContext.Provider>,
    );
    return { key, html };
  });
}
