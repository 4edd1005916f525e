/**
 * Target versus actual, by the rules of DESIGN.md. Pure and typed: the overview, the
 * scorecard, the charts and the sentences all ask this one function.
 */
import type { Better, Comparator, Measure } from '../data/types';

export type StatusKind = 'met' | 'near' | 'missed' | 'pending' | 'no-target' | 'qualitative';

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
): Status {
  const provisional = actual?.estimate ?? false;
  const base = { provisional, gap: null, tolerance: null, ratio: null, points: null } as const;
  const dir = target ? direction(target.comparator, indicator.better) : indicator.better;
  if (!target) return { ...base, kind: actual ? 'no-target' : 'pending', direction: dir };
  if (target.comparator === 'text' || target.value === null) return { ...base, kind: 'qualitative', direction: dir };
  if (!actual || actual.value === null) return { ...base, provisional: false, kind: 'pending', direction: dir };

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
  };
}

/** Float noise out of gaps (7 − 6.5 = 0.5, not 0.4999999). */
const round = (x: number) => Math.round(x * 1e9) / 1e9;

/** "Provisional" qualifies a verdict; with no target there is no verdict to qualify (the figure itself says 预计). */
export function isProvisional(s: Status): boolean {
  return s.provisional && (s.kind === 'met' || s.kind === 'near' || s.kind === 'missed');
}
