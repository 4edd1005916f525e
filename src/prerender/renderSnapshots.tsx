/**
 * Renders the pages of SNAPSHOTS (src/app/snapshot.ts) to HTML on the data of the build, with
 * the same components the app uses, each with its frame (the same page while the data load, no
 * figure in it), and the record of the data they were made from; vite.config.ts writes them
 * into index.html. Runs in Node at build time only.
 */
import type { ComponentType } from 'react';
import { renderToString } from 'react-dom/server';
import { AppFrame, Loading, ViewArea } from '../app/AppFrame';
import { SNAPSHOTS } from '../app/snapshot';
import type { Loaded } from '../views/types';
import type { View } from '../core/url';
import { ChartSnapshotContext } from '../ui/EChart';
import { renderToSvg } from '../charts/svg';
import type { ChartOption } from '../charts/types';
import { buildDataset, type RawFile } from '../data/dataset';
import { Catalog } from '../model/catalog';
import { today } from '../app/today';
import AirView from '../views/air/AirView';
import GrainView from '../views/grain/GrainView';
import OverviewView from '../views/overview/OverviewView';
import type { ViewProps } from '../views/types';
import { fingerprint } from '../data/fingerprint';
import { dataPreloads, firstPaintMeta, firstPaintRecord } from './firstPaint';
import { jsonMeta } from './meta';
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
  /** The page with its figures, shown once the served data are known to be these. */
  html: string;
  /** What the app shows while the data load: header, navigation, "loading", footer. */
  frame: string;
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
    const frame = renderToString(
      <AppFrame state={state} set={noop}>
        <Loading />
      </AppFrame>,
    );
    return { key, html, frame };
  });
}

/** A page from the build as a file of its own: where index.html's <meta> says it is, and its text. */
export interface PageFile {
  key: string;
  path: string;
  text: string;
}

/** The <meta name> public/preload-data.js reads: snapshot key → the path of its page. */
export const FIRST_PAINT_PAGES_META = 'first-paint-pages';

/**
 * The first line of a page file: public/show-snapshot.js puts the page in only if the text it
 * was sent begins with it (a server that answers a missing file with index.html must not have
 * that shown).
 */
export const pageMark = (path: string): string => `<!--first-paint ${path}-->`;

/**
 * What the build adds: to index.html, `head` (the record of the data and where each page is,
 * before public/preload-data.js), `preloads` (the data files, asked for first) and `body` (each page's frame as a <template>, after #root, for
 * public/show-snapshot.js); and `pages`, each page as a file named by its content. The pages are
 * files, not templates in index.html, so that a phone parses only the one its URL shows (all
 * six in index.html held the first paint back by about a third of a second); preload-data.js
 * asks for it with the data. Pages and record come from the same bytes.
 */
export function renderFirstPaint(files: RawFile[]): { head: string; preloads: string; body: string; pages: PageFile[] } {
  const rendered = renderSnapshots(files);
  const body = rendered.map((s) => `<template data-snapshot-frame="${s.key}">${s.frame}</template>`).join('\n    ');
  const pages = rendered.map(({ key, html }) => {
    // Named by a fingerprint of the page: a new build never meets an old copy of it in a cache.
    const hash = fingerprint(new TextEncoder().encode(html)).split('-')[1]!.slice(0, 12);
    const path = `first-paint/${key}-${hash}.html`;
    return { key, path, text: `${pageMark(path)}\n${html}` };
  });
  const where = Object.fromEntries(pages.map((p) => [p.key, p.path]));
  const record = firstPaintRecord(files, today());
  return { head: `${firstPaintMeta(record)}\n    ${jsonMeta(FIRST_PAINT_PAGES_META, where)}`, preloads: dataPreloads(record), body, pages };
}
