/**
 * Units as Chinese reports write them. A unit is a base (吨, 头, 亩, 元, 人, %, 天 …) with an
 * optional 万 (10⁴) or 亿 (10⁸) prefix; two units convert when their bases agree, and weights
 * convert among themselves (grain in 万吨, 万斤 or 亿斤: 1 斤 = 0.5 千克).
 */

const PREFIXES: [string, number][] = [
  ['亿', 1e8],
  ['万', 1e4],
  ['千', 1e3],
];

/** Bases that begin with a prefix character and must not be split. */
const WHOLE = new Set(['千克', '千米', '千瓦']);

/** Bases that count the same thing: market entities are counted in 户 or 家. */
const SAME_BASE: Record<string, string> = { 家: '户' };

export function splitUnit(unit: string): { base: string; factor: number } {
  const u = unit.trim();
  for (const [p, f] of PREFIXES) {
    if (u.length > 1 && u.startsWith(p) && !WHOLE.has(u)) return { base: canonicalBase(u.slice(p.length)), factor: f };
  }
  return { base: canonicalBase(u), factor: 1 };
}

const canonicalBase = (b: string) => SAME_BASE[b] ?? b;

/** Bases of one quantity in different measures: grain is reported in 吨, 斤 or 公斤. Value: in 吨. */
const WEIGHT_IN_TONNES: Record<string, number> = { 吨: 1, 斤: 0.0005, 公斤: 0.001, 千克: 0.001 };

/** Factor that turns a value in `from` into `to`, or null when they do not convert. */
export function conversionFactor(from: string, to: string): number | null {
  if (from.trim() === to.trim()) return 1;
  const a = splitUnit(from);
  const b = splitUnit(to);
  const wa = WEIGHT_IN_TONNES[a.base];
  const wb = WEIGHT_IN_TONNES[b.base];
  if (a.base !== b.base && wa !== undefined && wb !== undefined) return (a.factor * wa) / (b.factor * wb);
  if (a.base !== b.base || a.base === '%') return null;
  return a.factor / b.factor;
}

/** The units a staff member may write for an indicator whose unit is `unit`. */
export function allowedUnits(unit: string): string[] {
  const { base } = splitUnit(unit);
  if (base === '%' || base === '天') return [unit];
  const weights = WEIGHT_IN_TONNES[base] !== undefined ? ['斤', '公斤'].filter((w) => w !== base) : [];
  const aliases = [base, ...Object.keys(SAME_BASE).filter((k) => SAME_BASE[k] === base), ...weights];
  return aliases.flatMap((b) => [b, `万${b}`, `亿${b}`]).filter((u, i, a) => a.indexOf(u) === i);
}
