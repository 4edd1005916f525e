/**
 * Presentation mode's slides: one headline indicator per slide, every shown district's result
 * against its target for the year. Pure; slide numbers are 1-based as the screen shows them
 * ("3 / 12"), so `slide=3` in a link is the third slide.
 */
import type { District, Indicator } from '../data/types';
import { type Catalog, HEADLINE, type Pair, type Shown } from './catalog';

export interface SlideRow {
  district: District;
  pair: Pair;
  next: Shown | null;
}

export interface Slide {
  indicator: Indicator;
  year: number;
  rows: SlideRow[];
}

/** Headline indicators that any of the districts has a target or result for in the year. */
export function buildSlides(catalog: Catalog, districts: readonly District[], year: number): Slide[] {
  const slides: Slide[] = [];
  for (const id of HEADLINE) {
    const indicator = catalog.indicators.get(id);
    if (!indicator) continue;
    const rows = districts.map((district) => ({
      district,
      pair: catalog.pair(district.id, id, year),
      next: catalog.shown(district.id, id, year + 1, 'target'),
    }));
    if (rows.some((r) => r.pair.target || r.pair.actual)) slides.push({ indicator, year, rows });
  }
  return slides;
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
