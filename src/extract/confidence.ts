/**
 * How sure a draft row is, so staff can accept the `high` rows at a glance and review the rest:
 * `high` = a catalogue indicator named right before its number, a known year, a target or a
 * result of the year under review, stated as the clause's figure (not a thing's size, not a share);
 * `medium` = a catalogue indicator with one doubt; `low` = no catalogue indicator.
 */
import type { ObsKind } from '../data/types';
import type { Confidence } from './types';

export interface Evidence {
  indicator: string;
  /** The name was matched loosely (旅游综合收入 for 旅游收入). */
  fuzzy: boolean;
  /** The name was taken from the clause before. */
  borrowed: boolean;
  /** …and the clause says only that it grew (X达到N亿元，增长M%): the usual way to give a growth rate. */
  growthOfBorrowed: boolean;
  /** Characters between the end of the name and the number. */
  distance: number;
  year: number | null;
  kindKnown: boolean;
  kind: ObsKind;
  reviewYear: number | null;
  /** A measure followed by a noun: the size of a thing. */
  modifier: boolean;
  /** A share of a whole (占…的X%). */
  share: boolean;
  /** The figure is of a wider place (全市 in a county's report, 全国, 全省) or summed over years (累计). */
  elsewhere: boolean;
}

/** Most characters between a name and its number for a sure reading (达到, 同比增长, 稳定在 …). */
export const NEAR = 10;

export function confidenceOf(e: Evidence): Confidence {
  if (!e.indicator || e.share) return 'low';
  const doubts = [
    e.fuzzy,
    e.borrowed && !e.growthOfBorrowed,
    !e.borrowed && e.distance > NEAR,
    e.year === null,
    !e.kindKnown,
    e.kind === 'actual' && e.reviewYear !== null && e.year !== null && e.year !== e.reviewYear,
    e.elsewhere,
  ].filter(Boolean).length;
  if (e.modifier) return 'low';
  if (doubts === 0) return 'high';
  return doubts === 1 ? 'medium' : 'low';
}
