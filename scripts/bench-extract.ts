/**
 * npm run bench:extract [-- --misses] [--high]
 * Runs the extractor on every kept source text and scores it against the curated rows: a curated
 * row is found when a draft row has its line ±1, year, kind, comparator, value and estimate flag.
 * Prints recall and precision per document and per source, recall per indicator, the misses, the
 * `high` rows' precision (and the `high` rows no curated row holds, with --high), and the time
 * per document; then the time for a 3,000-line report.
 */
import { buildDataset } from '../src/data/dataset';
import { extractDrafts } from '../src/extract/index';
import type { DraftRow } from '../src/extract/types';
import type { Observation } from '../src/data/types';
import { parseArgs } from './lib/args';
import { readCatalogue } from './lib/catalogue';
import { finds, runAll } from './lib/extractRuns';
import { DEFAULT_DATA, DEFAULT_TEXTS, readDataDir, textsFrom } from './lib/fsdata';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const args = parseArgs(process.argv.slice(2), ['data', 'texts'], ['misses', 'high']);
const dataDir = args.options.data ?? DEFAULT_DATA;
const textsDir = args.options.texts ?? DEFAULT_TEXTS;
const texts = textsFrom(textsDir);
const ds = buildDataset(readDataDir(dataDir), texts ? { texts } : {});
const indicators = readCatalogue(dataDir);
const readText = (file: string) => {
  const p = join(textsDir, file);
  return existsSync(p) ? readFileSync(p, 'utf8') : null;
};
const runs = runAll(ds, indicators, readText, 5);

const pct = (a: number, b: number) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)} %`);
const show = (o: Observation) => `${o.indicator} ${o.year} ${o.kind} ${o.comparator}${o.value ?? ''}${o.unit}${o.estimate ? ' (est.)' : ''} line ${o.sourceLine}: ${o.quote.replace(/\s+/g, ' ').slice(0, 60)}`;
const showDraft = (d: DraftRow) => `${d.indicator || '?'} ${d.year ?? '?'} ${d.kind} ${d.comparator}${d.value ?? ''}${d.unit}${d.estimate ? ' (est.)' : ''} line ${d.line}: ${d.quote.slice(0, 60)}`;

interface Score {
  gold: number;
  found: number;
  drafts: number;
  correct: number;
  high: number;
  highCorrect: number;
  sameIndicator: number;
  /** Curated rows found by a `high` draft row. */
  foundHigh: number;
}

function score(gold: Observation[], drafts: DraftRow[]): Score {
  const foundBy = gold.map((o) => drafts.filter((d) => finds(d, o)));
  const correct = drafts.filter((d) => gold.some((o) => finds(d, o)));
  const high = drafts.filter((d) => d.confidence === 'high');
  return {
    gold: gold.length,
    found: foundBy.filter((f) => f.length > 0).length,
    drafts: drafts.length,
    correct: correct.length,
    high: high.length,
    highCorrect: high.filter((d) => gold.some((o) => finds(d, o))).length,
    sameIndicator: gold.filter((o, i) => foundBy[i]!.some((d) => d.indicator === o.indicator)).length,
    foundHigh: foundBy.filter((f) => f.some((d) => d.confidence === 'high')).length,
  };
}

function row(name: string, s: Score, ms?: number): string {
  return `| ${name} | ${s.found}/${s.gold} | ${pct(s.found, s.gold)} | ${pct(s.sameIndicator, s.found)} | ${pct(s.foundHigh, s.found)} | ${s.drafts} | ${pct(s.correct, s.drafts)} | ${s.high} | ${pct(s.highCorrect, s.high)} |${ms === undefined ? '' : ` ${ms.toFixed(1)} |`}`;
}

const HEAD = '| part | found | recall | same indicator | found as high | drafts | precision | high | high precision |';
console.log('## Per document\n');
console.log(`${HEAD} ms |\n|---|---|---|---|---|---|---|---|---|---|`);
const all: Score[] = [];
for (const r of runs) {
  const s = score(r.gold, r.drafts);
  all.push(s);
  console.log(row(`${r.file} (${r.lines} lines)`, s, r.ms));
}
const sum = (k: keyof Score) => all.reduce((a, s) => a + s[k], 0);
console.log(row('all', { gold: sum('gold'), found: sum('found'), drafts: sum('drafts'), correct: sum('correct'), high: sum('high'), highCorrect: sum('highCorrect'), sameIndicator: sum('sameIndicator'), foundHigh: sum('foundHigh') }));

console.log('\n## Per source (drafts given to the source whose part of the text holds their line)\n');
console.log(`${HEAD}\n|---|---|---|---|---|---|---|---|---|`);
const reports: Score[] = [];
for (const r of runs) {
  for (const p of r.parts) {
    const gold = r.gold.filter((o) => o.source === p.source.id);
    const drafts = r.drafts.filter((d) => d.source === p.source.id);
    const s = score(gold, drafts);
    if (p.source.kind === 'work-report') reports.push(s);
    console.log(row(`${p.source.id} (lines ${p.from}–${p.to - 1})`, s));
  }
}
const rsum = (k: keyof Score) => reports.reduce((a, s) => a + s[k], 0);
console.log(row('**work reports**', { gold: rsum('gold'), found: rsum('found'), drafts: rsum('drafts'), correct: rsum('correct'), high: rsum('high'), highCorrect: rsum('highCorrect'), sameIndicator: rsum('sameIndicator'), foundHigh: rsum('foundHigh') }));

console.log('\n## Per indicator (recall)\n');
const byInd = new Map<string, { n: number; f: number }>();
for (const r of runs) {
  for (const o of r.gold) {
    const e = byInd.get(o.indicator) ?? { n: 0, f: 0 };
    e.n++;
    if (r.drafts.some((d) => finds(d, o))) e.f++;
    byInd.set(o.indicator, e);
  }
}
console.log([...byInd].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k} ${v.f}/${v.n}`).join(' · '));

console.log('\n## Misses\n');
for (const r of runs) {
  for (const o of r.gold) {
    if (r.drafts.some((d) => finds(d, o))) continue;
    const near = r.drafts.filter((d) => o.sourceLine !== null && Math.abs(d.line - o.sourceLine) <= 1 && d.value !== null && o.value !== null && Math.abs(d.value - o.value) < 1e-9);
    console.log(`- ${r.file}: ${show(o)}${near.length ? `\n    drafted as: ${near.map(showDraft).join(' | ')}` : ''}`);
  }
}

if (args.flags.high) {
  console.log('\n## High rows no curated row holds\n');
  for (const r of runs) for (const d of r.drafts) if (d.confidence === 'high' && !r.gold.some((o) => finds(d, o))) console.log(`- ${r.file}: ${showDraft(d)}`);
}

const checks = runs.flatMap((r) => r.drafts.filter((d) => /^第|(?:年|月|日|号|期|页)$/.test(d.unit)).map((d) => `${r.file}:${d.line} ${d.quote}`));
console.log(`\nDraft rows that are a date, document or page number: ${checks.length}${checks.length ? `\n${checks.join('\n')}` : ''}`);

// A 3,000-line report: the first 3,000 lines of the longest kept text (a gazette issue of several
// documents, one paragraph a line), and the longest work report repeated to 3,000 lines.
const timed = (label: string, text: string) => {
  extractDrafts(text, indicators, { district: 'x', published: '2025-01-10' });
  let best = Infinity;
  let n = 0;
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    n = extractDrafts(text, indicators, { district: 'x', published: '2025-01-10' }).rows.length;
    best = Math.min(best, performance.now() - t0);
  }
  console.log(`${label} (${text.length} characters): ${n} draft rows in ${best.toFixed(0)} ms (best of 5, after start-up).`);
};
const longestText = [...runs].sort((a, b) => readText(b.file)!.length - readText(a.file)!.length)[0];
if (longestText) timed(`\nThe first 3,000 lines of ${longestText.file}`, readText(longestText.file)!.split('\n').slice(0, 3000).join('\n'));
const report = runs.filter((r) => r.file.includes('work-report')).sort((a, b) => b.lines - a.lines)[0];
if (report) {
  const base = readText(report.file)!.split('\n');
  const lines: string[] = [];
  while (lines.length < 3000) lines.push(...base);
  timed(`${report.file} repeated to 3,000 lines`, lines.slice(0, 3000).join('\n'));
}
