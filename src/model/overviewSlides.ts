/**
 * Presentation mode's slides: an opening slide per district (its verdicts counted, the largest
 * shortfalls first), then one headline indicator per slide, every shown district's result
 * against its target for the year. Pure; slide numbers are 1-based as the screen shows them
 * ("3 / 12"), so `slide=3` in a link is the third slide.
 */
import type { District, Indicator } from '../data/types';
import { type Catalog, HEADLINE, type Pair, type Shown } from './catalog';
import { isProvisional } from './status';

export interface SlideRow {
  district: District;
  pair: Pair;
  next: Shown | null;
}

export interface Slide {
  kind?: 'indicator';
  indicator: Indicator;
  year: number;
  rows: SlideRow[];
}

/** A district's headline verdicts of the year, counted; `provisional` counts those resting on an estimate. */
export interface VerdictCounts {
  met: number;
  near: number;
  missed: number;
  provisional: number;
  /** Headline targets of the year, whatever their status. */
  targets: number;
}

export interface OpeningSlide {
  kind: 'district';
  district: District;
  year: number;
  counts: VerdictCounts;
  /** Missed and near targets, the largest shortfall first (measured in tolerances, so units compare). */
  gaps: { indicator: Indicator; pair: Pair }[];
}

export type DeckSlide = OpeningSlide | Slide;

export interface SlideOptions {
  /** Only indicators with a target for the year in at least one of the districts. */
  onlyTargets?: boolean;
}

/** Headline indicators that any of the districts has a target (or, without `onlyTargets`, a result) for in the year. */
export function buildSlides(catalog: Catalog, districts: readonly District[], year: number, opts: SlideOptions = {}): Slide[] {
  const slides: Slide[] = [];
  for (const id of HEADLINE) {
    const indicator = catalog.indicators.get(id);
    if (!indicator) continue;
    const rows = districts.map((district) => ({
      district,
      pair: catalog.pair(district.id, id, year),
      next: catalog.shown(district.id, id, year + 1, 'target'),
    }));
    const keep = opts.onlyTargets ? rows.some((r) => r.pair.target) : rows.some((r) => r.pair.target || r.pair.actual);
    if (keep) slides.push({ kind: 'indicator', indicator, year, rows });
  }
  return slides;
}

/** How far short a compared target is, in tolerances (0 when met); null when not compared. */
export function shortfall(pair: Pair): number | null {
  const { gap, tolerance } = pair.status;
  if (gap === null) return null;
  if (gap >= 0) return 0;
  return tolerance ? -gap / tolerance : Number.POSITIVE_INFINITY;
}

/** A district's opening slide: its verdicts counted over the headline indicators, shortfalls largest first. */
export function openingSlide(catalog: Catalog, district: District, year: number): OpeningSlide {
  const counts: VerdictCounts = { met: 0, near: 0, missed: 0, provisional: 0, targets: 0 };
  const gaps: OpeningSlide['gaps'] = [];
  for (const id of HEADLINE) {
    const indicator = catalog.indicators.get(id);
    if (!indicator) continue;
    const pair = catalog.pair(district.id, id, year);
    if (pair.target) counts.targets++;
    const k = pair.status.kind;
    if (k !== 'met' && k !== 'near' && k !== 'missed') continue;
    counts[k]++;
    if (isProvisional(pair.status)) counts.provisional++;
    if (k !== 'met') gaps.push({ indicator, pair });
  }
  gaps.sort((a, b) => (shortfall(b.pair) ?? 0) - (shortfall(a.pair) ?? 0));
  return { kind: 'district', district, year, counts, gaps };
}

/** The whole deck: each district's opening slide, then the indicator slides. */
export function buildDeck(catalog: Catalog, districts: readonly District[], year: number, opts: SlideOptions = {}): DeckSlide[] {
  const slides = buildSlides(catalog, districts, year, opts);
  if (slides.length === 0) return [];
  return [...districts.map((d) => openingSlide(catalog, d, year)), ...slides];
}

/** The slide a URL asks for, kept within the deck (0 or absent is the first). */
export function clampSlide(slide: number, count: number): number {
  if (count <= 0) return 0;
  if (!Number.isFinite(slide) || slide < 1) return 1;
  return Math.min(Math.floor(slide), count);
}

export type SlideKey = 'next' | 'previous' | 'first' | 'last' | 'leave' | null;

/** What a key does in presentation mode (a clicker sends PageUp/PageDown). */
export function slideKey(key: string): SlideKey {
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
    case 'PageDown':
    case ' ':
    case 'Spacebar':
      return 'next';
    case 'ArrowLeft':
    case 'ArrowUp':
    case 'PageUp':
      return 'previous';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    case 'Escape':
      return 'leave';
    default:
      return null;
  }
}

/** The slide after a key press, or null to leave presentation mode. */
export function stepSlide(current: number, count: number, key: SlideKey): number | null {
  const c = clampSlide(current, count);
  switch (key) {
    case 'next':
      return Math.min(c + 1, count);
    case 'previous':
      return Math.max(c - 1, 1);
    case 'first':
      return 1;
    case 'last':
      return count;
    case 'leave':
      return null;
    default:
      return c;
  }
}
