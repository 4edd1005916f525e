/**
 * The draft tab's pure parts: the review of draft rows (accept, edit, drop, accept all high,
 * carried over a new draft), rows already published, the yearly CSV files and the rows to
 * paste — and, end to end, the files built from accepted rows check clean with the same check
 * as the page. Draft rows are made up here (the extractor has its own tests).
 */
import { csvParseRows } from 'd3-dsv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../src/data/dataset';
import { checkFiles } from '../src/data/worker/checkFiles';
import type { DraftRow } from '../src/extract/types';
import { readNumber } from '../src/views/check/draft/RowEditor';
import {
  accept,
  acceptAllHigh,
  counts,
  drop,
  edit,
  isEdited,
  missingOf,
  pasteRows,
  PublishedIndex,
  reopen,
  revert,
  shownRows,
  startReview,
  yearFiles,
  type ReviewRow,
} from '../src/views/check/draft/draftModel';
import { draftReport } from '../src/views/check/draft/draftJob';
import { MAX_REPORT_BYTES } from '../src/extract';
import { parseState, toSearch } from '../src/core/url';
import { FIXTURES, worldFiles } from './world.sample';

/** CSV text → rows keyed by the header (d3's csvParse is not allowed: it compiles code). */
function csvParse(text: string): Record<string, string>[] & { columns: string[] } {
  const [columns = [], ...rest] = csvParseRows(text);
  return Object.assign(
    rest.map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i] ?? '']))),
    { columns },
  );
}


const enc = (s: string) => new TextEncoder().encode(s);

/** A made-up report of 2026, delivered on 2026-01-12 (not a seed's sentences). */
const REPORT = [
  '青山县二〇二六年政府工作报告', // 1
  '', // 2
  '一、过去一年的工作', // 3
  '全县地区生产总值增长5.8%，粮食总产量达到', // 4
  '74.5万吨，创历史新高。', // 5
  '空气质量优良天数达到301天。', // 6
  '二、今年的主要预期目标', // 7
  '地区生产总值增长6%左右，粮食总产量稳定在75万吨以上，', // 8
  '空气质量优良天数不少于300天。', // 9
].join('\n');

function row(p: Partial<DraftRow>): DraftRow {
  return {
    district: 'tumed-left',
    indicator: 'gdp-growth',
    year: 2026,
    kind: 'target',
    comparator: '~',
    value: 6,
    unit: '%',
    estimate: false,
    source: 'qingshan-report-2026',
    line: 8,
    quote: '地区生产总值增长6%左右',
    note: '',
    nameAsWritten: '地区生产总值',
    confidence: 'high',
    ...p,
  };
}

const DRAFTS: DraftRow[] = [
  row({ year: 2025, kind: 'actual', comparator: '=', value: 5.8, line: 4, quote: '全县地区生产总值增长5.8%' }),
  row({ indicator: 'grain-output', year: 2025, kind: 'actual', comparator: '=', value: 74.5, unit: '万吨', line: 4, quote: '粮食总产量达到74.5万吨', nameAsWritten: '粮食总产量', confidence: 'medium' }),
  row({ indicator: 'aq-good-days', year: 2025, kind: 'actual', comparator: '=', value: 301, unit: '天', line: 6, quote: '空气质量优良天数达到301天', nameAsWritten: '空气质量优良天数' }),
  row({}),
  row({ indicator: 'grain-output', comparator: '>=', value: 75, unit: '万吨', quote: '粮食总产量稳定在75万吨以上', nameAsWritten: '粮食总产量' }),
  row({ indicator: '', comparator: '>=', value: 300, unit: '天', line: 9, quote: '空气质量优良天数不少于300天', nameAsWritten: '优良天数', confidence: 'low' }),
  row({ indicator: 'gdp-growth', year: null, kind: 'target', comparator: '=', value: 2026, unit: '', line: 1, quote: '二〇二六年', nameAsWritten: '', confidence: 'low' }),
];

const keyOf = (rows: ReviewRow[], line: number, name: string) => rows.find((r) => r.row.line === line && r.row.nameAsWritten === name)!.key;

describe('the review', () => {
  it('starts with every row to review, keyed stably', () => {
    const rows = startReview(DRAFTS);
    expect(rows.map((r) => r.status)).toEqual(Array(7).fill('pending'));
    expect(new Set(rows.map((r) => r.key)).size).toBe(7);
    expect(counts(rows)).toMatchObject({ total: 7, pending: 7, accepted: 0, dropped: 0, high: 4 });
  });

  it('accepts a complete row and refuses one without indicator or year, saying what is missing', () => {
    let rows = startReview(DRAFTS);
    const ok = accept(rows, keyOf(rows, 8, '地区生产总值'));
    expect(ok.missing).toEqual([]);
    rows = ok.rows;
    expect(rows.find((r) => r.row.line === 8 && r.row.indicator === 'gdp-growth')!.status).toBe('accepted');
    const no = accept(rows, keyOf(rows, 9, '优良天数'));
    expect(no.missing).toEqual(['indicator']);
    expect(no.rows.find((r) => r.row.line === 9)!.status).toBe('pending');
    expect(accept(rows, keyOf(rows, 1, '')).missing).toEqual(['year']);
    expect(missingOf(row({ value: null }))).toEqual(['value']);
    expect(missingOf(row({ comparator: 'text', value: null }))).toEqual([]);
  });

  it('edits, reverts, drops and reopens; an accepted row edited into an incomplete one goes back to review', () => {
    let rows = startReview(DRAFTS);
    const k = keyOf(rows, 9, '优良天数');
    rows = edit(rows, k, { ...rows.find((r) => r.key === k)!.row, indicator: 'aq-good-days' });
    expect(isEdited(rows.find((r) => r.key === k)!)).toBe(true);
    rows = accept(rows, k).rows;
    expect(rows.find((r) => r.key === k)!.status).toBe('accepted');
    rows = edit(rows, k, { ...rows.find((r) => r.key === k)!.row, year: null });
    expect(rows.find((r) => r.key === k)!.status).toBe('pending');
    rows = revert(rows, k);
    expect(rows.find((r) => r.key === k)!.row).toEqual(DRAFTS[5]);
    rows = drop(rows, k);
    expect(rows.find((r) => r.key === k)!.status).toBe('dropped');
    rows = reopen(rows, k);
    expect(rows.find((r) => r.key === k)!.status).toBe('pending');
  });

  it('accept all high takes complete high rows only, and not a figure already published', () => {
    const published = new PublishedIndex(buildDataset(worldFiles()).observations);
    // The world publishes tumed-left's 2025 GDP target (~6 %): the same figure drafted again stays to review.
    const drafts = [...DRAFTS, row({ year: 2025, line: 8 })];
    const rows = acceptAllHigh(startReview(drafts), published);
    const accepted = rows.filter((r) => r.status === 'accepted').map((r) => `${r.row.line}:${r.row.indicator}:${r.row.year}`);
    expect(accepted).toEqual(['4:gdp-growth:2025', '6:aq-good-days:2025', '8:gdp-growth:2026', '8:grain-output:2026']);
    expect(published.mark(drafts[7]!)?.kind).toBe('same');
    expect(published.mark(row({ year: 2025, value: 6.5 }))).toMatchObject({ kind: 'other', obs: { value: 6 } });
    expect(published.mark(row({}))).toBeNull();
  });

  it('filters and sorts by confidence and status', () => {
    let rows = startReview(DRAFTS);
    rows = drop(rows, keyOf(rows, 1, ''));
    expect(shownRows(rows, { confidence: 'low', status: 'all', sort: 'line' }).map((r) => r.row.line)).toEqual([1, 9]);
    expect(shownRows(rows, { confidence: 'all', status: 'dropped', sort: 'line' }).map((r) => r.row.line)).toEqual([1]);
    expect(shownRows(rows, { confidence: 'all', status: 'all', sort: 'confidence' }).map((r) => r.row.confidence)).toEqual(['high', 'high', 'high', 'high', 'medium', 'low', 'low']);
  });

  it('a new draft of the same text keeps decisions and edits, with the new source', () => {
    let rows = startReview(DRAFTS);
    const k = keyOf(rows, 4, '粮食总产量');
    rows = edit(rows, k, { ...rows.find((r) => r.key === k)!.row, value: 74.6 });
    rows = accept(rows, k).rows;
    rows = drop(rows, keyOf(rows, 6, '空气质量优良天数'));
    const again = startReview(
      DRAFTS.map((d) => ({ ...d, source: 'other-source' })),
      rows,
    );
    const grain = again.find((r) => r.key === k)!;
    expect(grain).toMatchObject({ status: 'accepted', row: { value: 74.6, source: 'other-source' } });
    expect(again.find((r) => r.row.line === 6)!.status).toBe('dropped');
  });
});

describe('the CSV', () => {
  const SOURCE_ROW = 'qingshan-report-2026,青山县政府工作报告,青山县人民政府,tumed-left,2026-01-12,work-report,qingshan-report-2026.txt,';

  function reviewed(): ReviewRow[] {
    let rows = startReview(DRAFTS);
    for (const [line, name] of [
      [4, '地区生产总值'],
      [4, '粮食总产量'],
      [8, '地区生产总值'],
      [8, '粮食总产量'],
    ] as const)
      rows = accept(rows, keyOf(rows, line, name)).rows;
    const k = keyOf(rows, 9, '优良天数');
    rows = edit(rows, k, { ...rows.find((r) => r.key === k)!.row, indicator: 'aq-good-days', value: 300 });
    rows = accept(rows, k).rows;
    rows = drop(rows, keyOf(rows, 6, '空气质量优良天数'));
    return rows;
  }

  it('writes one new file per year: the observation columns, the plain comparator empty', () => {
    const files = yearFiles(reviewed());
    expect(files.map((f) => [f.name, f.base, f.added])).toEqual([
      ['2025.csv', 'new', 2],
      ['2026.csv', 'new', 3],
    ]);
    const [y25, y26] = files.map((f) => csvParse(f.text));
    expect(y25!.columns).toEqual(['district', 'indicator', 'year', 'kind', 'comparator', 'value', 'unit', 'estimate', 'source', 'line', 'quote', 'note', 'note_en', 'remark']);
    expect(y25![0]).toMatchObject({ indicator: 'gdp-growth', year: '2025', kind: 'actual', comparator: '', value: '5.8', line: '4', quote: '全县地区生产总值增长5.8%' });
    expect(y26!.map((r) => [r.indicator, r.comparator, r.value])).toEqual([
      ['gdp-growth', '~', '6'],
      ['grain-output', '>=', '75'],
      ['aq-good-days', '>=', '300'],
    ]);
    expect(files[0]!.text.startsWith('\uFEFF')).toBe(false);
    expect(files[0]!.text).not.toContain('\r');
  });

  it('adds the rows to the published file of a year, under its own header', () => {
    const published = new Map([[2025, 'district,indicator,year,kind,comparator,value,unit,estimate,source,line,quote,note,note_en,remark\r\nx,gdp,2025,actual,,1,亿元,false,s,,q,,,\r\n\r\n']]);
    const [y25] = yearFiles(reviewed(), published);
    expect(y25!.base).toBe('published');
    expect(y25!.text.split('\r\n')).toEqual([
      'district,indicator,year,kind,comparator,value,unit,estimate,source,line,quote,note,note_en,remark',
      'x,gdp,2025,actual,,1,亿元,false,s,,q,,,',
      'tumed-left,gdp-growth,2025,actual,,5.8,%,false,qingshan-report-2026,4,全县地区生产总值增长5.8%,,,',
      'tumed-left,grain-output,2025,actual,,74.5,万吨,false,qingshan-report-2026,4,粮食总产量达到74.5万吨,,,',
      '',
    ]);
  });

  it('gives the rows to paste without a header; a fall stays a number, a formula-like quote is neutralised, a wrapped quote is one line', () => {
    let rows = startReview([row({ value: -3, line: 2, quote: '能耗\n下降3%', nameAsWritten: '能耗' }), row({ line: 3, quote: '=1+2', nameAsWritten: 'x' })]);
    rows = rows.reduce((acc, r) => accept(acc, r.key).rows, rows);
    expect(pasteRows(rows).split('\n')).toEqual([
      'tumed-left,gdp-growth,2026,target,~,-3,%,false,qingshan-report-2026,2,能耗下降3%,,,',
      "tumed-left,gdp-growth,2026,target,~,6,%,false,qingshan-report-2026,3,'=1+2,,,",
    ]);
  });

  it('the files of accepted rows, with the report text, check clean on the check page', () => {
    const published = worldFiles();
    const text = (path: string) => new TextDecoder().decode(published.find((f) => f.path === path)!.bytes);
    const files = yearFiles(reviewed(), new Map([[2025, text('observations/2025.csv')]]));
    expect(files.map((f) => [f.name, f.base])).toEqual([
      ['2025.csv', 'published'],
      ['2026.csv', 'new'],
    ]);
    const sources = text('sources.csv').replace(/\n*$/, '\n') + SOURCE_ROW + '\n';
    const result = checkFiles(published, [
      { name: 'sources.csv', bytes: enc(sources) },
      ...files.map((f) => ({ name: f.name, bytes: enc(f.text) })),
      { name: 'qingshan-report-2026.txt', bytes: enc(REPORT) },
      // The published rows' own source text, so that every quote of the merged files is verified.
      { name: 'report.txt', bytes: new Uint8Array(readFileSync(join(FIXTURES, 'texts', 'report.txt'))) },
    ]);
    const errors = result.files.flatMap((f) => f.problems.filter((p) => p.severity === 'error'));
    expect(errors).toEqual([]);
    expect(result.files.find((f) => f.name === '2026.csv')!.rowsRead).toBe(3);
    // The check would catch a quote moved to another line.
    const wrong = yearFiles(edit(reviewed(), keyOf(reviewed(), 8, '粮食总产量'), { ...DRAFTS[4]!, line: 5 }));
    const bad = checkFiles(published, [
      { name: 'sources.csv', bytes: enc(sources) },
      { name: '2026.csv', bytes: enc(wrong.find((f) => f.year === 2026)!.text) },
      { name: 'qingshan-report-2026.txt', bytes: enc(REPORT) },
    ]);
    // Sorted by line, the moved row is the file's first row (line 2 of the file).
    expect(bad.files.find((f) => f.name === '2026.csv')!.problems.filter((p) => p.severity === 'error').map((p) => [p.line, p.columnName])).toEqual([[2, 'quote']]);
  });
});

describe('the report given, drafted as the worker drafts it', () => {
  const indicators = buildDataset(worldFiles()).indicators.map(({ id, name_zh, name_en, unit, measure }) => ({ id, name_zh, name_en, unit, measure }));
  const draft = (bytes: Uint8Array) => draftReport({ bytes, indicators, opts: { district: 'tumed-left', source: 'qingshan-report-2026', published: '2026-01-12' } });

  it('drafts a UTF-8 text into rows with line and quote, and hands back the text', () => {
    const out = draft(enc(REPORT));
    if (!out.ok) throw new Error(out.message.en);
    expect(out).toMatchObject({ encoding: 'utf-8', text: REPORT, lineCount: 9 });
    expect(out.rows.length).toBeGreaterThan(0);
    for (const r of out.rows) expect(REPORT.split('\n')[r.line - 1]!.replace(/\s/g, '')).toContain(r.quote.replace(/\s/g, '').slice(0, 3));
  });

  it('decodes a GBK text and says so', () => {
    // 地区生产总值增长6% in GBK.
    const gbk = new Uint8Array([0xb5, 0xd8, 0xc7, 0xf8, 0xc9, 0xfa, 0xb2, 0xfa, 0xd7, 0xdc, 0xd6, 0xb5, 0xd4, 0xf6, 0xb3, 0xa4, 0x36, 0x25]);
    expect(draft(gbk)).toMatchObject({ ok: true, encoding: 'gb18030', text: '地区生产总值增长6%' });
  });

  it('refuses an empty, a blank, a binary and a too large text with the reason', () => {
    expect(draft(new Uint8Array())).toMatchObject({ ok: false, reason: 'empty' });
    expect(draft(enc(' \n\r\n\u3000 '))).toMatchObject({ ok: false, reason: 'empty' });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(draft(png)).toMatchObject({ ok: false, reason: 'binary' });
    const big = draft(new Uint8Array(MAX_REPORT_BYTES + 1).fill(0x41));
    expect(big).toMatchObject({ ok: false, reason: 'too-large' });
    expect(big.ok ? '' : big.message.en).toContain('10 MB limit');
  });

  it('reads a number as staff type it in the editor', () => {
    expect(['6.5', ' -3 ', '１０１０', '1,010', '−2', 'x', '6%', ''].map(readNumber)).toEqual([6.5, -3, 1010, 1010, -2, null, null, null]);
  });
});

describe('the URL holds the tab', () => {
  it('tab=draft on the check page only', () => {
    expect(parseState('?view=check&tab=draft').tab).toBe('draft');
    expect(parseState('?view=overview&tab=draft').tab).toBeNull();
    expect(parseState('?view=check&tab=x').tab).toBeNull();
    expect(toSearch(parseState('?view=check&tab=draft&lang=en'))).toBe('?view=check&lang=en&tab=draft');
    expect(toSearch({ ...parseState('?view=check&tab=draft'), view: 'data' })).toBe('?view=data');
  });
});
