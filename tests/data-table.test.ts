/** The data view's filters and sort, and the CSV it downloads (BOM, neutralised formulas, RFC 4180 quoting). */
import { csvParseRows } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DATA, readDataDir } from '../scripts/lib/fsdata';
import { buildDataset } from '../src/data/dataset';
import type { Observation } from '../src/data/types';
import { Catalog } from '../src/model/catalog';
import { EXPORT_COLUMNS, exportFileName, neutralise, numberCell, observationsCsv } from '../src/model/csvExport';
import { ariaSort, dataTable, filterObservations, formatSort, parseSort, sortKeys, sortObservations, toggleSort, type DataFilter } from '../src/model/dataTable';
import { worldFiles } from './world.sample';

/** The day the statuses are said on (the clock is fixed in tests). */
const TODAY = '2026-12-06';

const HEAD = 'district,indicator,year,kind,comparator,value,unit,estimate,source,line,quote,note\n';
const R = 'tumed-left-report-2025';
const N = 'tumed-left-news-2024';

function world(rows2024: string, rows2025 = ''): Catalog {
  const files = worldFiles().map((f) =>
    f.path === 'observations/2024.csv' ? { path: f.path, text: HEAD + rows2024 } : f.path === 'observations/2025.csv' ? { path: f.path, text: HEAD + rows2025 } : f,
  );
  const ds = buildDataset(files);
  expect(ds.problems.filter((p) => p.severity === 'error').map((p) => p.message)).toEqual([]);
  return new Catalog(ds, TODAY);
}

const c = world(
  [
    `tumed-left,gdp-growth,2024,target,~,8,%,false,${N},,地区生产总值增长8%左右,`,
    `yuquan,gdp-growth,2024,actual,=,-1.5,%,false,${N},,下降1.5%,`,
    `tumed-left,grain-output,2024,actual,>,72,万吨,false,${R},5,粮食总产量突破72万吨,`,
    `yuquan,aq-good-days,2024,target,text,,天,false,${N},,"优良天数""稳中有升"",持续改善",`,
    `tumed-left,aq-good-days,2024,actual,=,297,天,true,${R},6,"预计优良天数达297天,
比上年增加",`,
  ].join('\n'),
  [`tumed-left,gdp-growth,2025,target,~,6,%,false,${R},8,地区生产总值增长6%左右,`, `yuquan,grain-output,2025,target,>=,40000,吨,false,${N},,粮食40000吨以上,=HYPERLINK("x")`].join('\n'),
);
const all = c.data.observations;
const none: DataFilter = { districts: [], indicator: null, year: null, kind: null };
const ids = (rows: readonly Observation[]) => rows.map((o) => `${o.district}/${o.indicator}/${o.year}/${o.kind}`);

describe('filterObservations', () => {
  it('keeps everything without filters, in file order', () => {
    expect(filterObservations(all, none)).toHaveLength(7);
    expect(ids(filterObservations(all, none))[0]).toBe('tumed-left/gdp-growth/2024/target');
  });

  it('filters by district, indicator, year (or range) and kind, together', () => {
    expect(ids(filterObservations(all, { ...none, indicator: 'grain-output' }))).toEqual(['tumed-left/grain-output/2024/actual', 'yuquan/grain-output/2025/target']);
    expect(ids(filterObservations(all, { ...none, districts: ['yuquan'], kind: 'target' }))).toEqual(['yuquan/aq-good-days/2024/target', 'yuquan/grain-output/2025/target']);
    expect(filterObservations(all, { ...none, year: { from: 2025, to: 2025 } })).toHaveLength(2);
    expect(filterObservations(all, { ...none, year: { from: 2020, to: 2024 } })).toHaveLength(5);
    expect(filterObservations(all, { ...none, districts: ['hohhot'] })).toEqual([]);
    expect(ids(filterObservations(all, { districts: ['tumed-left', 'yuquan'], indicator: 'gdp-growth', year: { from: 2024, to: 2024 }, kind: 'actual' }))).toEqual([
      'yuquan/gdp-growth/2024/actual',
    ]);
  });
});

describe('sort parameters', () => {
  it('reads and writes `column` / `-column`, refusing unknown columns', () => {
    expect(parseSort('year')).toEqual({ column: 'year', desc: false });
    expect(parseSort('-value')).toEqual({ column: 'value', desc: true });
    expect(parseSort('colour')).toBeNull();
    expect(parseSort(null)).toBeNull();
    expect(formatSort({ column: 'quote', desc: true })).toBe('-quote');
    expect(formatSort(null)).toBeNull();
  });

  it('a first click sorts ascending, a second descending, another column starts ascending again', () => {
    const a = toggleSort(null, 'year');
    expect(a).toEqual({ column: 'year', desc: false });
    const b = toggleSort(a, 'year');
    expect(b).toEqual({ column: 'year', desc: true });
    expect(toggleSort(b, 'year')).toEqual({ column: 'year', desc: false });
    expect(toggleSort(b, 'district')).toEqual({ column: 'district', desc: false });
  });

  it('tells assistive technology which column is sorted and how', () => {
    expect(ariaSort({ column: 'year', desc: true }, 'year')).toBe('descending');
    expect(ariaSort({ column: 'year', desc: false }, 'year')).toBe('ascending');
    expect(ariaSort({ column: 'year', desc: false }, 'kind')).toBe('none');
    expect(ariaSort(null, 'kind')).toBe('none');
  });
});

describe('sortObservations', () => {
  const zh = sortKeys(c, 'zh');
  const en = sortKeys(c, 'en');

  it('sorts districts by their name in the language shown, stably', () => {
    // 土 (tǔ) before 玉 (yù) in pinyin order; Tumed before Yuquan.
    const up = sortObservations(all, { column: 'district', desc: false }, zh).map((o) => o.district);
    expect(up).toEqual(['tumed-left', 'tumed-left', 'tumed-left', 'tumed-left', 'yuquan', 'yuquan', 'yuquan']);
    // Ties keep the file order.
    expect(ids(sortObservations(all, { column: 'district', desc: false }, en)).slice(0, 4)).toEqual([
      'tumed-left/gdp-growth/2024/target',
      'tumed-left/grain-output/2024/actual',
      'tumed-left/aq-good-days/2024/actual',
      'tumed-left/gdp-growth/2025/target',
    ]);
    expect(sortObservations(all, { column: 'district', desc: true }, zh)[0]!.district).toBe('yuquan');
  });

  it('sorts values as numbers within each indicator (never 天 against 万吨), qualitative targets last either way', () => {
    const up = sortObservations(all, { column: 'value', desc: false }, zh).map((o) => `${o.indicator}:${o.canonicalValue}`);
    const down = sortObservations(all, { column: 'value', desc: true }, zh).map((o) => `${o.indicator}:${o.canonicalValue}`);
    // Grouped by indicator (in name order), each group by value; descending reverses both.
    const groups = (list: string[]) => list.map((s) => s.split(':')[0]).filter((id, i, a) => a.indexOf(id) === i);
    expect(groups(up.slice(0, -1))).toEqual([...groups(down.slice(0, -1))].reverse());
    expect(up.at(-1)!.endsWith(':null')).toBe(true);
    expect(down.at(-1)!.endsWith(':null')).toBe(true);
    for (const list of [up, down]) {
      const seen: string[] = [];
      for (const s of list.slice(0, -1)) {
        const id = s.split(':')[0]!;
        // One indicator's rows sit together.
        if (seen.at(-1) !== id) expect(seen).not.toContain(id);
        seen.push(id);
      }
    }
    const gdp = (list: string[]) => list.filter((s) => s.startsWith('gdp-growth:')).map((s) => Number(s.split(':')[1]));
    expect(gdp(up)).toEqual([...gdp(up)].sort((a, b) => a - b));
    expect(gdp(down)).toEqual([...gdp(up)].reverse());
  });

  it('sorts by year, kind, estimate, quote and source', () => {
    expect(sortObservations(all, { column: 'year', desc: true }, zh).map((o) => o.year)).toEqual([2025, 2025, 2024, 2024, 2024, 2024, 2024]);
    expect(sortObservations(all, { column: 'kind', desc: false }, zh).map((o) => o.kind).join()).toBe('actual,actual,actual,target,target,target,target');
    expect(sortObservations(all, { column: 'estimate', desc: true }, zh)[0]!.estimate).toBe(true);
    expect(sortObservations(all, { column: 'quote', desc: false }, zh)[0]!.quote).toBe('下降1.5%');
    // Sources by date: the 2024-01-05 news before the 2024-12-26 report.
    expect(sortObservations(all, { column: 'source', desc: false }, zh).map((o) => o.source).slice(0, 4)).toEqual([N, N, N, N]);
  });

  it('without a sort gives a copy in file order', () => {
    const s = sortObservations(all, null, zh);
    expect(s).toEqual(all);
    expect(s).not.toBe(all);
  });

  it('dataTable filters then sorts', () => {
    expect(ids(dataTable(c, { ...none, indicator: 'grain-output' }, { column: 'value', desc: true }, zh))).toEqual([
      'tumed-left/grain-output/2024/actual',
      'yuquan/grain-output/2025/target',
    ]);
  });

  it('sorts 300,000 rows by name quickly (names ranked once, not compared per pair)', () => {
    const many: Observation[] = [];
    for (let i = 0; i < 300_000 / all.length; i++) many.push(...all);
    const t = performance.now();
    const s = sortObservations(many, { column: 'district', desc: true }, zh);
    const ms = performance.now() - t;
    expect(s[0]!.district).toBe('yuquan');
    expect(ms).toBeLessThan(5000); // generous: the machine may be busy
  });
});

describe('neutralise', () => {
  it.each([
    ['=1+2', "'=1+2"],
    ['+86 471', "'+86 471"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['=', "'="],
    ['-1.5', '-1.5'],
    ['72', '72'],
    ['粮食总产量突破72万吨', '粮食总产量突破72万吨'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('%j → %j', (cell, out) => {
    expect(neutralise(cell)).toBe(out);
  });
});

describe('numberCell', () => {
  it('writes numbers as people do', () => {
    expect(numberCell(72)).toBe('72');
    expect(numberCell(-1.5)).toBe('-1.5');
    expect(numberCell(0.0000005)).toBe('0.0000005');
    expect(numberCell(18.500000000000004)).toBe('18.5');
    expect(numberCell(null)).toBe('');
  });
});

describe('observationsCsv', () => {
  const csv = observationsCsv(all, c.sources);
  const parsed = csvParseRows(csv.slice(1));

  it('starts with a UTF-8 BOM, has the contract’s columns plus the source title, and ends lines with CRLF', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    // The public note columns; the internal remark is never exported.
    expect(csv.slice(1).split('\r\n')[0]).toBe('district,indicator,year,kind,comparator,value,unit,estimate,source,line,quote,note,note_en,source_title');
    expect(parsed[0]).toEqual([...EXPORT_COLUMNS]);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(parsed).toHaveLength(1 + all.length);
  });

  it('writes each figure as its source did, with the source’s title', () => {
    const grain = parsed.find((r) => r[1] === 'grain-output' && r[2] === '2024')!;
    expect(grain).toEqual(['tumed-left', 'grain-output', '2024', 'actual', '>', '72', '万吨', 'false', R, '5', '粮食总产量突破72万吨', '', '', '土默特左旗政府工作报告']);
    const yq = parsed.find((r) => r[1] === 'grain-output' && r[2] === '2025')!;
    expect(yq.slice(4, 7)).toEqual(['>=', '40000', '吨']);
  });

  it('round-trips quotes holding commas, double quotes and line breaks', () => {
    const text = parsed.find((r) => r[4] === 'text')!;
    expect(text[5]).toBe('');
    expect(text[10]).toBe('优良天数"稳中有升",持续改善');
    const multi = parsed.find((r) => r[1] === 'aq-good-days' && r[3] === 'actual')!;
    expect(multi[10]).toBe('预计优良天数达297天,\n比上年增加');
    expect(multi[7]).toBe('true');
    expect(csv).toContain('"优良天数""稳中有升"",持续改善"');
  });

  it('neutralises every cell a spreadsheet would run, but keeps negative numbers numbers', () => {
    const yq = parsed.find((r) => r[1] === 'grain-output' && r[2] === '2025')!;
    expect(yq[11]).toBe(`'=HYPERLINK("x")`);
    const fall = parsed.find((r) => r[1] === 'gdp-growth' && r[0] === 'yuquan')!;
    expect(fall[5]).toBe('-1.5');
    // The plain comparator is written empty, so an exported file can be checked and loaded again.
    expect(fall[4]).toBe('');
    for (const row of parsed) for (const cell of row) expect(cell === '-1.5' || !/^[=+\-@\t\r]/.test(cell)).toBe(true);
  });

  it('exports the English note but never the remark', () => {
    const o = { ...all[0]!, note: '累计数', noteEn: 'Cumulative', remark: 'internal: quote widened' };
    const out = observationsCsv([o], c.sources);
    const row = csvParseRows(out.slice(1))[1]!;
    expect(row.slice(11, 13)).toEqual(['累计数', 'Cumulative']);
    expect(out).not.toContain('internal');
  });

  it('exports nothing but the header for no rows', () => {
    expect(observationsCsv([], c.sources)).toBe('\uFEFF' + EXPORT_COLUMNS.join(',') + '\r\n');
  });
});

describe('exportFileName', () => {
  it('names the file after the filters', () => {
    expect(exportFileName({ indicator: null, year: null, kind: null, districts: [] })).toBe('observations.csv');
    expect(exportFileName({ indicator: 'grain-output', year: '2024', kind: 'actual', districts: ['tumed-left'] })).toBe('observations-tumed-left-grain-output-2024-actual.csv');
    expect(exportFileName({ indicator: null, year: '2022-2024', kind: null, districts: ['a', 'b'] })).toBe('observations-2-districts-2022-2024.csv');
  });
});

describe('the bundled data', () => {
  const real = new Catalog(buildDataset(readDataDir(DEFAULT_DATA)), TODAY);
  it('has the 72万吨 row of 土默特左旗 under grain-output, with its quote', () => {
    const rows = dataTable(real, { ...none, indicator: 'grain-output' }, null, sortKeys(real, 'zh'));
    const r = rows.find((o) => o.district === 'tumed-left' && o.year === 2024 && o.kind === 'actual')!;
    expect(r.value).toBe(72);
    expect(r.quote).toBe('粮食总产量突破72万吨');
    expect(rows.every((o) => o.indicator === 'grain-output')).toBe(true);
  });
});
