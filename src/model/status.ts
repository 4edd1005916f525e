/**
 * Target versus actual, by the rules of DESIGN.md, including what a missing figure may be called
 * on a given day (calendar.ts). Pure and typed: the overview, the scorecard, the charts and the
 * sentences all ask this one function.
 */
import type { Better, Comparator, Measure } from '../data/types';

/**
 * `pending`: a target whose result is not due yet (before 1 April of the next year);
 * `result-not-held`: a target whose result is due but not in the data;
 * `no-target`: a result where the data hold the work report that set that year's targets;
 * `target-not-held`: a result where they do not (the target may exist, the site lacks it).
 */
export type StatusKind = 'met' | 'near' | 'missed' | 'pending' | 'result-not-held' | 'no-target' | 'target-not-held' | 'qualitative';

/** What the data and today's date allow to be said about a missing figure. */
export interface MissingContext {
  /** Today is on or after 1 April of the year after (calendar.resultsDue). */
  resultsDue: boolean;
  /** The data hold the district's work report that set this year's targets. */
  targetReportHeld: boolean;
}

export interface TargetInput {
  comparator: Comparator;
  /** In the indicator's canonical unit; null for a `text` target. */
  value: number | null;
}

export interface ActualInput {
  value: number | null;
  estimate: boolean;
}

export interface Status {
  kind: StatusKind;
  /** True when the actual is an estimate (预计): the status may change. */
  provisional: boolean;
  /** A − T (or T − A for a ceiling), in the indicator's unit; null when not compared. */
  gap: number | null;
  tolerance: number | null;
  /** A / T for `level` (T > 0); null otherwise. */
  ratio: number | null;
  /** Gap in percentage points for `growth` and `ratio`; null otherwise. */
  points: number | null;
  /** Whether more is better for this comparison (a floor) or less (a ceiling). */
  direction: Better;
  /** What may be said of a missing result or target (missingResult, missingTarget). */
  missing: MissingContext;
}

export function direction(comparator: Comparator, better: Better): Better {
  if (comparator === '>=' || comparator === '>') return 'higher';
  if (comparator === '<=' || comparator === '<') return 'lower';
  return better;
}

export function tolerance(measure: Measure, target: number): number {
  return measure === 'level' ? 0.02 * Math.abs(target) : 0.5;
}

const EPS = 1e-9;

export function status(
  indicator: { measure: Measure; better: Better },
  target: TargetInput | null,
  actual: ActualInput | null,
  missing: MissingContext,
): Status {
  const provisional = actual?.estimate ?? false;
  const base = { provisional, gap: null, tolerance: null, ratio: null, points: null, missing } as const;
  const dir = target ? direction(target.comparator, indicator.better) : indicator.better;
  const noResult: StatusKind = missing.resultsDue ? 'result-not-held' : 'pending';
  if (!target) return { ...base, kind: actual ? (missing.targetReportHeld ? 'no-target' : 'target-not-held') : noResult, direction: dir };
  if (target.comparator === 'text' || target.value === null) return { ...base, kind: 'qualitative', direction: dir };
  if (!actual || actual.value === null) return { ...base, provisional: false, kind: noResult, direction: dir };

  const T = target.value;
  const A = actual.value;
  const gap = dir === 'higher' ? A - T : T - A;
  const tol = tolerance(indicator.measure, T);
  let kind: StatusKind;
  if (gap >= -EPS) kind = 'met';
  else if (target.comparator === '~' && gap >= -tol - EPS) kind = 'met';
  else if (gap >= -tol - EPS) kind = 'near';
  else kind = 'missed';

  return {
    kind,
    provisional,
    gap: round(gap),
    tolerance: round(tol),
    ratio: indicator.measure === 'level' && T > 0 ? A / T : null,
    points: indicator.measure === 'level' ? null : round(A - T),
    direction: dir,
    missing,
  };
}

/** Float noise out of gaps (7 − 6.5 = 0.5, not 0.4999999). */
const round = (x: number) => Math.round(x * 1e9) / 1e9;

/** The word for an absent result on this status's day: 待公布 before 1 April of the next year, else 结果未收录. */
export const missingResult = (s: Status): 'pending' | 'result-not-held' => (s.missing.resultsDue ? 'result-not-held' : 'pending');

/** The word for an absent target: 未设目标 only where the data hold the report that set the year's targets. */
export const missingTarget = (s: Status): 'no-target' | 'target-not-held' => (s.missing.targetReportHeld ? 'no-target' : 'target-not-held');

/** A target without its result: pending or not in the data. */
export const awaitsResult = (k: StatusKind) => k === 'pending' || k === 'result-not-held';

/** A result without a target: none set, or not in the data. */
export const lacksTarget = (k: StatusKind) => k === 'no-target' || k === 'target-not-held';

/** "Provisional" qualifies a verdict; with no target there is no verdict to qualify (the figure itself says 预计). */
export function isProvisional(s: Status): boolean {
  return s.provisional && (s.kind === 'met' || s.kind === 'near' || s.kind === 'missed');
}
