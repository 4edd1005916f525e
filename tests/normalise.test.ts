/** normaliseCsv: each fix, what it must never touch, and that a round trip keeps every row and value. */
import fc from 'fast-check';
import { csvFormatRows, csvParseRows } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../src/data/dataset';
import { decodeBytes } from '../src/data/decode';
import { kindOfPath, normaliseCsv } from '../src/data/normalise';
import { OBSERVATION_COLUMNS, OPTIONAL_OBSERVATION_COLUMNS } from '../src/data/schema';
import { badBytes, worldFiles, worldTexts } from './world.sample';

/** The required columns: the optional note_en and remark left out, as staff files may. */
const REQUIRED = OBSERVATION_COLUMNS.filter((c) => !OPTIONAL_OBSERVATION_COLUMNS.includes(c));
const HEAD = REQUIRED.join(',');
const ROW = 'tumed-left,grain-output,2025,target,>=,73,万吨,false,tumed-left-report-2025,8,粮食总产量稳定在73万吨以上,';
const norm = (text: string) => normaliseCsv(text, 'observations');
const rowsOf = (text: string) => csvParseRows(text);
const decoded = (name: string) => decodeBytes(name, badBytes(name)).text;

describe('each fix', () => {
  it('full-width digits become ASCII digits', () => {
    const n = norm(decoded('fullwidth.csv'));
    expect(rowsOf(n.text)[1]![5]).toBe('73');
    expect(n.changes).toEqual([{ line: 2, column: 'value', from: '７３', to: '73' }]);
  });

  it('thousands separators are dropped', () => {
    const n = norm(decoded('thousands.csv'));
    expect(rowsOf(n.text)[1]![5]).toBe('1010');
  });

  it('a unit typed into value that unit already names is moved out', () => {
    const n = norm(decoded('unit-in-cell.csv'));
    expect(rowsOf(n.text)[1]!.slice(5, 7)).toEqual(['73', '万吨']);
  });

  it('a unit typed into value with unit empty fills unit', () => {
    const n = norm(`${HEAD}\ntumed-left,grain-output,2025,target,>=,73万吨,,false,s,8,q73,\n`);
    expect(rowsOf(n.text)[1]!.slice(5, 7)).toEqual(['73', '万吨']);
  });

  it('a unit in value that disagrees with unit is left for the staff member', () => {
    const n = norm(`${HEAD}\ntumed-left,grain-output,2025,target,>=,73万吨,吨,false,s,8,q73,\n`);
    expect(rowsOf(n.text)[1]!.slice(5, 7)).toEqual(['73万吨', '吨']);
  });

  it('spaces around cells, Excel TRUE/FALSE and ≥ signs', () => {
    const n = norm(`${HEAD}\n tumed-left ,grain-output,2025,Target,≥,73,万吨,FALSE,s,8,q,\n`);
    expect(rowsOf(n.text)[1]!.slice(0, 8)).toEqual(['tumed-left', 'grain-output', '2025', 'target', '>=', '73', '万吨', 'false']);
  });

  it('BOM, CRLF and blank lines go', () => {
    expect(norm(decoded('bom.csv')).text.charCodeAt(0)).not.toBe(0xfeff);
    const crlf = norm(decoded('crlf.csv'));
    expect(crlf.crlf).toBe(true);
    expect(crlf.text).not.toContain('\r');
    const blank = norm(decoded('blank-lines.csv'));
    expect(blank.blankLinesRemoved).toBe(3);
    expect(blank.text.split('\n').filter((l) => l === '')).toEqual(['']); // only the final newline
  });

  it('GBK text decoded, then written as UTF-8 with the Chinese intact', () => {
    const n = norm(decoded('gbk.csv'));
    expect(rowsOf(n.text)[1]![10]).toBe('粮食总产量稳定在73万吨以上');
  });

  it('columns in another order are put in the standard order, unknown columns kept at the end', () => {
    const n = norm(`quote,district,indicator,year,kind,comparator,value,unit,estimate,source,line,note,mine\n"q, 73",tumed-left,grain-output,2025,target,>=,73,万吨,false,s,8,,x\n`);
    expect(n.reordered).toBe(true);
    const [h, r] = rowsOf(n.text);
    expect(h).toEqual([...REQUIRED, 'mine']);
    expect(r![10]).toBe('q, 73');
    expect(r![12]).toBe('x');
  });

  it('dates in sources.csv become ISO when they are real dates', () => {
    const head = 'id,title_zh,publisher_zh,district,published,kind,text,url';
    const n = normaliseCsv(`${head}\na,t,p,d,2024/12/26,work-report,a.txt,\nb,t,p,d,2024/2/30,news,,http://x\n`, 'sources');
    expect(rowsOf(n.text).slice(1).map((r) => r[4])).toEqual(['2024-12-26', '2024/2/30']);
  });

  it('knows which kind of file a path is', () => {
    expect(['observations/2025.csv', '2026.csv', 'sources.csv', 'data/districts.csv', 'notes.csv'].map(kindOfPath)).toEqual([
      'observations', 'observations', 'sources', 'districts', null,
    ]);
  });
});

describe('never touched', () => {
  it('the quote, even with full-width digits, spaces and commas', () => {
    const quote = ' 粮食总产量稳定在７３万吨以上, 约 1,010 ';
    const n = norm(csvFormatRows([[...REQUIRED], ['tumed-left', 'grain-output', '2025', 'target', '>=', '７３', '万吨', 'false', 's', '8', quote, '']]));
    expect(rowsOf(n.text)[1]![10]).toBe(quote);
    expect(n.changes.map((c) => c.column)).toEqual(['value']);
  });

  it('any quote (property)', () => {
    fc.assert(
      fc.property(fc.string(), (quote) => {
        const n = norm(csvFormatRows([[...REQUIRED], ['d', 'i', '2025', 'target', 'text', '', '', 'false', 's', '', quote, 'n']]));
        const rows = rowsOf(n.text).slice(1);
        // A quote of nothing but white space is a blank row, the only thing ever dropped.
        if (quote.trim() === '') return true;
        return rows.length === 1 && rows[0]![10] === quote;
      }),
    );
  });

  it('a row whose cell count differs from the header is kept exactly, and the columns keep their order', () => {
    const n = norm(decoded('column-count.csv'));
    expect(n.keptAsGiven).toEqual([2]);
    const given = rowsOf(decoded('column-count.csv'))[1];
    expect(rowsOf(n.text)[1]).toEqual(given);
    const swapped = `indicator,district,year,kind,comparator,value,unit,estimate,source,line,quote,note\ngrain-output,tumed-left,2025,target,>=,1,010,万吨,false,s,8,q,\n`;
    const m = norm(swapped);
    expect(rowsOf(m.text)[0]!.slice(0, 2)).toEqual(['indicator', 'district']);
    expect(m.addedColumns).toEqual([]);
  });
});

describe('round trip (what --fix and the download give)', () => {
  const fixable = ['bom.csv', 'crlf.csv', 'fullwidth.csv', 'thousands.csv', 'trailing-spaces.csv', 'blank-lines.csv', 'gbk.csv', 'unit-in-cell.csv'];
  const check = (bytes: Uint8Array) =>
    buildDataset(
      worldFiles().map((f) => (f.path === 'observations/2025.csv' ? { path: f.path, bytes } : f)),
      { texts: worldTexts },
    );
  const brief = (bytes: Uint8Array) =>
    check(bytes)
      .observations.filter((o) => o.year === 2025)
      .map((o) => [o.district, o.indicator, o.kind, o.comparator, o.value, o.unit, o.estimate, o.source, o.sourceLine, o.quote]);

  it.each(fixable)('%s: normalised file checks clean with the same rows and values', (name) => {
    const fixed = new TextEncoder().encode(norm(decoded(name)).text);
    expect(check(fixed).problems.filter((p) => p.file === 'observations/2025.csv')).toEqual([]);
    const good = new TextEncoder().encode(`${HEAD}\n${name === 'thousands.csv' ? ROW.replace(',73,', ',1010,').replace(',8,', ',9,').replace('73万吨', '1010万吨') : ROW}\n`);
    expect(brief(fixed)).toEqual(brief(good));
  });

  it.each(['duplicate.csv', 'unknown-ids.csv', 'wrong-year.csv', 'column-count.csv', 'bad-enums.csv'])(
    '%s: every row and cell kept (the error stays for the staff member)',
    (name) => {
      const text = decoded(name);
      const n = norm(text);
      const before = rowsOf(text).filter((r) => r.some((c) => c.trim() !== ''));
      expect(rowsOf(n.text).length).toBe(before.length);
      expect(check(new TextEncoder().encode(n.text)).problems.filter((p) => p.severity === 'error').length).toBeGreaterThan(0);
    },
  );

  it('normalising twice changes nothing more', () => {
    for (const name of fixable) {
      const once = norm(decoded(name)).text;
      const twice = norm(once);
      expect(twice.text).toBe(once);
      expect(twice.changes).toEqual([]);
    }
  });
});

describe('a value that is not a number with a unit stays as typed', () => {
  it('keeps 1e3 in value and leaves unit empty', () => {
    const header = 'district,indicator,year,kind,comparator,value,unit,estimate,source,line,quote,note';
    const out = normaliseCsv(`${header}\ntumed-left,grain-output,2024,actual,=,1e3,,false,s,1,q,\n`, 'observations');
    // The plain comparator is written empty.
    expect(out.text.split('\n')[1]).toBe('tumed-left,grain-output,2024,actual,,1e3,,false,s,1,q,');
  });
});

describe('the plain comparator and the optional columns', () => {
  it('writes = and ＝ empty, tells the change, and reads the result as plain', () => {
    const out = norm(`${HEAD}\ntumed-left,grain-output,2025,actual,=,73,万吨,false,s,8,q73,\ntumed-left,grain-output,2024,actual,＝,73,万吨,false,s,8,q73,\n`);
    expect(rowsOf(out.text).slice(1).map((r) => r[4])).toEqual(['', '']);
    expect(out.changes.filter((c) => c.column === 'comparator')).toEqual([
      { line: 2, column: 'comparator', from: '=', to: '' },
      { line: 3, column: 'comparator', from: '＝', to: '' },
    ]);
    expect(norm(out.text).changes).toEqual([]);
  });

  it('keeps note_en and remark when present, and does not add them when left out', () => {
    expect(norm(`${HEAD}\n`).addedColumns).toEqual([]);
    const full = norm(`${OBSERVATION_COLUMNS.join(',')}\nd,i,2025,target,~,6,%,false,s,1,q6,注,Note,why\n`);
    expect(rowsOf(full.text)[0]).toEqual([...OBSERVATION_COLUMNS]);
    expect(rowsOf(full.text)[1]!.slice(11)).toEqual(['注', 'Note', 'why']);
    // Only remark given: it stays, note_en stays out.
    const some = norm(`${HEAD},remark\nd,i,2025,target,~,6,%,false,s,1,q6,,why\n`);
    expect(rowsOf(some.text)[0]).toEqual([...REQUIRED, 'remark']);
    expect(some.reordered).toBe(false);
  });
});
