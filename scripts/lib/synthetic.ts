/**
 * Synthetic data sets in the data contract's format (DESIGN.md), for benchmarks and for trying
 * the views at national scale (≈ 3,000 county-level places). Pure and deterministic: the same
 * options and seed always give the same bytes, so a benchmark or a failing test can be re-run.
 *
 * Every row obeys the contract, so `buildDataset` reports 0 errors: valid 6-digit adcodes, the
 * real indicators of data/indicators.csv, sources with a kept text and a url, quotes at their
 * line of that text (the texts are generated too, one per city, year and kind of document, so the
 * command-line check can verify every quote), values that their quote holds (地区生产总值增长6.5%左右),
 * units convertible to the indicator's, estimates marked with 预计. Some cells need RFC 4180
 * quoting (commas, double quotes, a line break) so the parser's slow paths are exercised too.
 */
import { readIndicators } from '../../src/data/validate';
import { conversionFactor } from '../../src/data/units';
import { FILES, observationFile, OBSERVATION_COLUMNS, OPTIONAL_OBSERVATION_COLUMNS, DISTRICT_COLUMNS, SOURCE_COLUMNS } from '../../src/data/schema';
import type { Comparator, Indicator } from '../../src/data/types';

export interface SyntheticOptions {
  /** Text of indicators.csv; its first `indicators` rows are used (the DESIGN.md ones come first). */
  indicatorsCsv: string;
  /** Places, cities and their counties together (a city is followed by up to 11 counties). */
  districts: number;
  years: readonly number[];
  /** How many indicators each place reports; default all of indicators.csv. */
  indicators?: number;
  /** Stop after this many observation rows (exact sizes for benchmarks). */
  observations?: number;
  /** Share of results also given by a statistics bulletin (a second source; a tenth of them disagree). */
  secondSource?: number;
  seed?: number;
}

export interface SyntheticData {
  /** Path relative to data/ → CSV text (UTF-8, LF, header first). */
  files: Record<string, string>;
  /** Source texts: file name → text (for `check-data --texts DIR`). */
  texts: Record<string, string>;
  counts: { districts: number; indicators: number; sources: number; observations: number };
}

/** mulberry32: small, fast, good enough for test data, identical on every platform. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Province-level codes of GB/T 2260 (the first two digits of an adcode). */
const PROVINCES = [11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65];
const PER_CITY = 12; // a city and 11 counties

const SYLLABLES: [string, string][] = [
  ['安', 'An'], ['宁', 'Ning'], ['和', 'He'], ['平', 'Ping'], ['永', 'Yong'], ['昌', 'Chang'], ['丰', 'Feng'], ['兴', 'Xing'],
  ['泰', 'Tai'], ['清', 'Qing'], ['河', 'He'], ['山', 'Shan'], ['阳', 'Yang'], ['林', 'Lin'], ['新', 'Xin'], ['华', 'Hua'],
  ['德', 'De'], ['源', 'Yuan'], ['东', 'Dong'], ['西', 'Xi'], ['南', 'Nan'], ['北', 'Bei'], ['金', 'Jin'], ['川', 'Chuan'],
];
const COUNTY_KINDS: { level: 'district' | 'county' | 'banner'; zh: string; en: string }[] = [
  { level: 'county', zh: '县', en: 'County' },
  { level: 'district', zh: '区', en: 'District' },
  { level: 'banner', zh: '旗', en: 'Banner' },
];

interface Place {
  id: string;
  name_zh: string;
  name_en: string;
  level: 'city' | 'district' | 'county' | 'banner';
  parent: string;
  adcode: string;
}

export function places(n: number): Place[] {
  const out: Place[] = [];
  let parent: Place | null = null;
  for (let i = 0; i < n; i++) {
    const c = Math.floor(i / PER_CITY);
    const j = i % PER_CITY;
    const prov = PROVINCES[c % PROVINCES.length]!;
    const city = Math.floor(c / PROVINCES.length) + 1; // 01..99 within a province
    if (city > 99) throw new Error(`at most ${PROVINCES.length * 99 * PER_CITY} places`);
    const adcode = String(prov * 10000 + city * 100 + j);
    const s1 = SYLLABLES[(i * 7) % SYLLABLES.length]!;
    const s2 = SYLLABLES[(i * 11 + c) % SYLLABLES.length]!;
    if (j === 0) {
      parent = { id: `syn-${adcode}`, name_zh: `${s1[0]}${s2[0]}市`, name_en: `${s1[1]}${s2[1].toLowerCase()}`, level: 'city', parent: '', adcode };
      out.push(parent);
    } else {
      const k = COUNTY_KINDS[i % COUNTY_KINDS.length]!;
      out.push({ id: `syn-${adcode}`, name_zh: `${s1[0]}${s2[0]}${k.zh}`, name_en: `${s1[1]}${s2[1].toLowerCase()} ${k.en}`, level: k.level, parent: parent!.id, adcode });
    }
  }
  return out;
}

/** One CSV cell, quoted when RFC 4180 needs it. */
export function csvCell(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
const csvLine = (cells: readonly string[]) => cells.map(csvCell).join(',') + '\n';

/** A number as reports and the value cell write it: at most one decimal, no exponent. */
const num = (x: number, decimals: number) => String(Number(x.toFixed(decimals)));

interface Figure {
  comparator: Comparator;
  value: string;
  unit: string;
  quote: string;
  estimate: boolean;
}

/** Scale and decimals of an indicator's numbers, from its unit and measure. */
function scale(ind: Indicator): { lo: number; hi: number; decimals: number } {
  const u = ind.unit;
  if (u === '%') {
    if (ind.measure === 'growth') return { lo: 2, hi: 12, decimals: 1 };
    return ind.better === 'lower' ? { lo: 1, hi: 20, decimals: 1 } : { lo: 60, hi: 99, decimals: 1 };
  }
  if (u === '天') return { lo: 250, hi: 340, decimals: 0 };
  if (u.startsWith('亿')) return { lo: 20, hi: 2000, decimals: 1 };
  if (u.startsWith('万')) return { lo: 1, hi: 300, decimals: 1 };
  if (u === '人') return { lo: 1000, hi: 30000, decimals: 0 };
  return { lo: 5, hi: 5000, decimals: 0 };
}

/** 地区生产总值增速 → 地区生产总值增长 (as a report says it). */
const spoken = (ind: Indicator) => (ind.name_zh.endsWith('增速') ? `${ind.name_zh.slice(0, -2)}增长` : ind.name_zh);

/**
 * A unit the source may write instead of the canonical one (吨 for 万吨, 万元 for 亿元), with the
 * value scaled to it; the checker converts it back.
 */
function altUnit(unit: string): { unit: string; factor: number } | null {
  if (unit.length < 2 || unit === '万元') return null;
  const alt = unit.startsWith('亿') ? `万${unit.slice(1)}` : unit.startsWith('万') ? unit.slice(1) : null;
  if (alt === null) return null;
  const f = conversionFactor(alt, unit);
  return f === null ? null : { unit: alt, factor: 1 / f };
}

function target(ind: Indicator, x: number, decimals: number, r: () => number): Figure {
  const name = spoken(ind);
  const v = num(x, decimals);
  const u = ind.unit;
  const roll = r();
  if (ind.measure === 'growth') {
    if (roll < 0.05) return { comparator: 'text', value: '', unit: u, quote: `${ind.name_zh}与经济增长基本同步`, estimate: false };
    if (roll < 0.75) return { comparator: '~', value: v, unit: u, quote: `${name}${v}%左右`, estimate: false };
    if (roll < 0.9) return { comparator: '>=', value: v, unit: u, quote: `${name}${v}%以上`, estimate: false };
    return { comparator: '=', value: v, unit: u, quote: `${name}${v}%`, estimate: false };
  }
  if (ind.better === 'lower') return { comparator: '<=', value: v, unit: u, quote: `${ind.name_zh}控制在${v}${u}以内`, estimate: false };
  if (roll < 0.45) return { comparator: '>=', value: v, unit: u, quote: `${ind.name_zh}稳定在${v}${u}以上`, estimate: false };
  if (roll < 0.6) return { comparator: '>', value: v, unit: u, quote: `${ind.name_zh}突破${v}${u}`, estimate: false };
  if (roll < 0.7 && ind.measure === 'level') return { comparator: '~', value: v, unit: u, quote: `${ind.name_zh}${v}${u}左右`, estimate: false };
  const alt = ind.measure === 'level' && roll > 0.9 ? altUnit(u) : null;
  if (alt) {
    const av = num(Number(v) * alt.factor, 0);
    return { comparator: '=', value: av, unit: alt.unit, quote: `${ind.name_zh}达到${av}${alt.unit}`, estimate: false };
  }
  return { comparator: '=', value: v, unit: u, quote: `${ind.name_zh}达到${v}${u}`, estimate: false };
}

function actual(ind: Indicator, x: number, decimals: number, estimate: boolean, year: number, r: () => number): Figure {
  const name = spoken(ind);
  const v = num(x, decimals);
  const u = ind.unit;
  const pre = estimate ? '预计' : r() < 0.3 ? `${year}年，` : '';
  if (ind.measure === 'growth') return { comparator: '=', value: v, unit: u, quote: `${pre}${name}${v}%`, estimate };
  const alt = ind.measure === 'level' && r() < 0.1 ? altUnit(u) : null;
  if (alt) {
    const av = num(Number(v) * alt.factor, 0);
    return { comparator: '=', value: av, unit: alt.unit, quote: `${pre}${ind.name_zh}${av}${alt.unit}`, estimate };
  }
  if (r() < 0.1) return { comparator: '>', value: v, unit: u, quote: `${pre}${ind.name_zh}突破${v}${u}`, estimate };
  return { comparator: '=', value: v, unit: u, quote: `${pre}${ind.name_zh}达${v}${u}`, estimate };
}

const NOTES = ['', '', '', '', '', '', '', 'synthetic, not a real figure', '口径："全口径"', '第一段\n第二段'];

export function generate(opts: SyntheticOptions): SyntheticData {
  const r = rng(opts.seed ?? 1);
  const all = readIndicators(FILES.indicators, opts.indicatorsCsv).rows;
  const inds = all.slice(0, opts.indicators ?? all.length);
  const ps = places(opts.districts);
  const years = [...opts.years].sort((a, b) => a - b);
  const limit = opts.observations ?? Infinity;
  const second = opts.secondSource ?? 0;

  const districts = csvLine(DISTRICT_COLUMNS) + ps.map((p) => csvLine([p.id, p.name_zh, p.name_en, p.level, p.parent, p.adcode])).join('');

  // A work report per place and year (targets of that year, results of the year before) and a
  // statistics bulletin per place and year (results of that year, published the next spring).
  const src: string[] = [csvLine(SOURCE_COLUMNS)];
  const first = years[0] ?? 2022;
  const last = years.at(-1) ?? first;
  // Texts are kept per city (a city's gazette issue holds its counties' reports): a quote's line
  // is where it was appended to its text.
  const texts = new Map<string, string[]>();
  const textOf = (p: Place, kind: 'wr' | 'stat', y: number) => `${p.parent || p.id}-${kind}-${y}.txt`;
  const text = (name: string, title: string): string => {
    if (!texts.has(name)) texts.set(name, [title]);
    return name;
  };
  const quoteLine = (name: string, who: string, quote: string): number => {
    const lines = texts.get(name)!;
    lines.push(`${who}：${quote}`);
    return lines.length;
  };
  for (const p of ps) {
    for (let y = first; y <= last + 1; y++) {
      const day = 10 + Math.floor(r() * 18);
      src.push(csvLine([`${p.id}-wr-${y}`, `${p.name_zh}${y}年政府工作报告`, `${p.name_zh}人民政府`, p.id, `${y}-01-${day}`, 'work-report', text(textOf(p, 'wr', y), `${y}年政府工作报告汇编`), `https://example.org/${p.id}/work-report-${y}.html`]));
      if (y <= last) {
        src.push(csvLine([`${p.id}-stat-${y}`, `${p.name_zh}${y}年国民经济和社会发展统计公报`, `${p.name_zh}统计局`, p.id, `${y + 1}-03-${day}`, 'statistics', text(textOf(p, 'stat', y), `${y}年统计公报汇编`), `https://example.org/${p.id}/statistics-${y}.html`]));
      }
    }
  }

  const files: Record<string, string> = {
    [FILES.districts]: districts,
    [FILES.indicators]: opts.indicatorsCsv,
    [FILES.sources]: src.join(''),
  };
  let n = 0;
  for (const y of years) {
    // The optional note_en and remark columns are left out, as a staff member's file may.
    const lines: string[] = [csvLine(OBSERVATION_COLUMNS.filter((c) => !OPTIONAL_OBSERVATION_COLUMNS.includes(c)))];
    for (const p of ps) {
      if (n >= limit) break;
      for (const ind of inds) {
        if (n >= limit) break;
        const { lo, hi, decimals } = scale(ind);
        const t = lo + r() * (hi - lo);
        const tf = target(ind, t, decimals, r);
        const row = (f: Figure, kind: string, source: string, text: string) =>
          csvLine([p.id, ind.id, String(y), kind, f.comparator, f.value, f.unit, String(f.estimate), source, String(quoteLine(text, p.name_zh, f.quote)), f.quote, NOTES[Math.floor(r() * NOTES.length)]!]);
        lines.push(row(tf, 'target', `${p.id}-wr-${y}`, textOf(p, 'wr', y)));
        n++;
        if (n >= limit) break;
        // Results scatter around the target, so met, near and missed all occur.
        let a = Math.max(ind.measure === 'growth' ? 0.1 : lo / 2, t * (0.85 + r() * 0.3));
        if (ind.unit === '%' && ind.measure !== 'growth') a = Math.min(a, 100);
        if (ind.unit === '天') a = Math.min(a, 365);
        const estimate = y === last || r() < 0.05;
        lines.push(row(actual(ind, a, decimals, estimate, y, r), 'actual', `${p.id}-wr-${y + 1}`, textOf(p, 'wr', y + 1)));
        n++;
        if (n < limit && r() < second) {
          const differs = r() < 0.1;
          lines.push(row(actual(ind, differs ? a * 1.02 + 0.1 : a, decimals, false, y, r), 'actual', `${p.id}-stat-${y}`, textOf(p, 'stat', y)));
          n++;
        }
      }
    }
    files[observationFile(y)] = lines.join('');
  }
  const textFiles: Record<string, string> = {};
  for (const [name, lines] of texts) textFiles[name] = lines.join('\n') + '\n';
  return { files, texts: textFiles, counts: { districts: ps.length, indicators: inds.length, sources: src.length - 1, observations: n } };
}

/** Benchmark sizes: places × years × indicators × (target, result) = the observation count. */
export const PRESETS = {
  '10k': { districts: 125, years: [2022, 2023, 2024, 2025], indicators: 10, observations: 10_000 },
  '100k': { districts: 625, years: [2022, 2023, 2024, 2025], indicators: 20, observations: 100_000 },
  '1m': { districts: 3125, years: [2022, 2023, 2024, 2025], indicators: 40, observations: 1_000_000 },
} as const;
export type PresetName = keyof typeof PRESETS;
