/**
 * Each view's code chunk. A view whose module has arrived before the app's first render (the
 * one the URL names, see main.tsx) is rendered directly, without a Suspense fallback that would
 * replace the page painted from index.html with "loading" for a frame.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { ViewProps } from '../views/types';
import { VIEWS, type View } from '../core/url';

type ViewComponent = ComponentType<ViewProps>;

const MODULES: Record<View, () => Promise<{ default: ViewComponent }>> = {
  overview: () => import('../views/overview/OverviewView'),
  indicator: () => import('../views/indicator/IndicatorView'),
  scorecard: () => import('../views/scorecard/ScorecardView'),
  air: () => import('../views/air/AirView'),
  grain: () => import('../views/grain/GrainView'),
  data: () => import('../views/data/DataView'),
  check: () => import('../views/check/CheckView'),
};

const arrived = new Map<View, ViewComponent>();
const requests = new Map<View, Promise<ViewComponent>>();

/** Starts (once) downloading a view's chunk; resolves to its component. A failed request may be tried again. */
export function loadView(view: View): Promise<ViewComponent> {
  let p = requests.get(view);
  if (!p) {
    p = MODULES[view]().then(
      (m) => {
        arrived.set(view, m.default);
        return m.default;
      },
      (e: unknown) => {
        requests.delete(view);
        throw e;
      },
    );
    requests.set(view, p);
  }
  return p;
}

const LAZY = Object.fromEntries(VIEWS.map((v) => [v, lazy(() => loadView(v).then((c) => ({ default: c })))])) as Record<
  View,
  LazyExoticComponent<ViewComponent>
>;

/**
 * The component to render for a view, fixed the first time it is asked for: switching a mounted
 * view from its lazy wrapper to the bare component would remount it and lose its state.
 */
const chosen = new Map<View, ViewComponent>();
export function viewComponent(view: View): ViewComponent {
  let c = chosen.get(view);
  if (!c) {
    c = arrived.get(view) ?? LAZY[view];
    chosen.set(view, c);
  }
  return c;
}
