/** Each bad input of DESIGN.md, with the exact file, line, column and reason it must give. */
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../src/data/dataset';
import type { Problem } from '../src/data/types';
import { checkBad, worldFiles, worldTexts } from './world.sample';

const F = 'observations/2025.csv';
const brief = (p: Problem) => ({ severity: p.severity, file: p.file, line: p.line, column: p.column, code: p.code });
const problemsOf = (name: string) => checkBad(name).problems.filter((p) => p.file === F);

describe('the fixture world', () => {
  it('checks clean but for the url-only source, whose quote is unverified', () => {
    const ds = buildDataset(worldFiles(), { texts: worldTexts });
    expect(ds.problems.map(brief)).toEqual([
      { severity: 'warning', file: 'observations/2024.csv', line: 2, column: 11, code: 'quote-unverified' },
    ]);
    expect(ds.problems[0]!.message).toContain('http://example.org/news/1.html');
    expect(ds.observations).toHaveLength(6);
  });
});

describe('accepted with a warning', () => {
  it('UTF-8 with BOM', () => {
    const ds = checkBad('bom.csv');
    expect(problemsOf('bom.csv').map(brief)).toEqual([{ severity: 'warning', file: F, line: 0, column: 0, code: 'encoding' }]);
    expect(ds.encodings[F]).toBe('utf-8-bom');
    expect(ds.observations.filter((o) => o.year === 2025)).toHaveLength(1);
  });

  it('CRLF line ends', () => {
    expect(problemsOf('crlf.csv').map(brief)).toEqual([{ severity: 'warning', file: F, line: 1, column: 0, code: 'normalised' }]);
    expect(checkBad('crlf.csv').observations.find((o) => o.year === 2025)?.note).toBe('');
  });

  it('full-width digits', () => {
    const ps = problemsOf('fullwidth.csv');
    expect(ps.map(brief)).toEqual([{ severity: 'warning', file: F, line: 2, column: 6, code: 'normalised' }]);
    expect(ps[0]!.message).toBe('Full-width characters in "７３" read as 73.');
    expect(checkBad('fullwidth.csv').observations.find((o) => o.year === 2025)?.value).toBe(73);
  });

  it('thousands separators', () => {
    const ps = problemsOf('thousands.csv');
    expect(ps.map(brief)).toEqual([{ severity: 'warning', file: F, line: 2, column: 6, code: 'normalised' }]);
    expect(ps[0]!.cell).toBe('1,010');
    expect(checkBad('thousands.csv').observations.find((o) => o.year === 2025)?.value).toBe(1010);
  });

  it('trailing spaces', () => {
    const ps = problemsOf('trailing-spaces.csv');
    expect(ps.map(brief)).toEqual([{ severity: 'warning', file: F, line: 2, column: 5, code: 'normalised' }]);
    expect(ps[0]!.message).toBe('Spaces around ">=  " removed.');
  });

  it('blank lines', () => {
    const ps = problemsOf('blank-lines.csv');
    expect(ps.map(brief)).toEqual([{ severity: 'warning', file: F, line: 2, column: 0, code: 'normalised' }]);
    expect(ps[0]!.message).toContain('3 blank line(s)');
    expect(checkBad('blank-lines.csv').observations.find((o) => o.year === 2025)?.origin.line).toBe(3);
  });
});

describe('rejected with how to fix it', () => {
  it('GBK / GB18030 bytes: decoded for the preview, flagged with how to save as UTF-8', () => {
    const ds = checkBad('gbk.csv');
    const ps = problemsOf('gbk.csv');
    expect(ps.map(brief)).toEqual([{ severity: 'error', file: F, line: 0, column: 0, code: 'encoding' }]);
    expect(ps[0]!.message).toMatch(/GBK\/GB18030.*CSV UTF-8/);
    expect(ds.encodings[F]).toBe('gb18030');
    // Decoded, so the preview still has the row, with its Chinese intact.
    expect(ds.observations.find((o) => o.year === 2025)?.quote).toBe('粮食总产量稳定在73万吨以上');
  });

  it('a file that is not text at all', () => {
    const ps = problemsOf('binary.csv');
    expect(ps.map(brief)).toEqual([{ severity: 'error', file: F, line: 0, column: 0, code: 'encoding' }]);
    expect(ps[0]!.message).toContain('Excel workbook (.xlsx or .xls), not a CSV');
  });

  it('a unit inside the value cell', () => {
    const ps = problemsOf('unit-in-cell.csv');
    expect(ps.map(brief)).toEqual([{ severity: 'error', file: F, line: 2, column: 6, code: 'unit-in-value' }]);
    expect(ps[0]!.message).toBe('"73万吨" holds a unit. Put the number alone in "value" (73) and the unit in "unit" (万吨).');
  });

  it('unknown district and indicator ids', () => {
    const ps = problemsOf('unknown-ids.csv');
    expect(ps.map(brief)).toEqual([
      { severity: 'error', file: F, line: 2, column: 1, code: 'unknown-id' },
      { severity: 'error', file: F, line: 2, column: 2, code: 'unknown-id' },
    ]);
    expect(ps[0]!.message).toContain('Unknown district "tumed-lft"');
    expect(ps[0]!.message).toContain('hohhot, tumed-left, yuquan');
    expect(ps[1]!.message).toContain('Unknown indicator "grain-outptu"');
    expect(ps[1]!.message).toContain('did you mean grain-output');
  });

  it('a year that does not match the file', () => {
    const ps = problemsOf('wrong-year.csv');
    expect(ps.map(brief)).toEqual([{ severity: 'error', file: F, line: 2, column: 3, code: 'year-mismatch' }]);
    expect(ps[0]!.message).toContain('Move the row to observations/2024.csv');
  });

  it('a row left as new-year wrote it: one error saying fill in or delete, the filled row kept', () => {
    const ps = problemsOf('unfilled.csv');
    expect(ps.map(brief)).toEqual([{ severity: 'error', file: F, line: 3, column: 5, code: 'required' }]);
    expect(ps[0]!.message).toContain('fill in comparator, value, estimate, source, line and quote');
    expect(checkBad('unfilled.csv').observations.filter((o) => o.year === 2025).map((o) => o.indicator)).toEqual(['grain-output']);
  });

  it('a duplicated row', () => {
    const ps = problemsOf('duplicate.csv');
    expect(ps.map(brief)).toEqual([{ severity: 'error', file: F, line: 3, column: 0, code: 'duplicate' }]);
    expect(ps[0]!.message).toContain('already appears at line 2');
    expect(checkBad('duplicate.csv').observations.filter((o) => o.year === 2025)).toHaveLength(1);
  });

  it('a quote not found at its line says where it is', () => {
    const ps = problemsOf('quote-not-found.csv');
    expect(ps.map(brief)).toEqual([{ severity: 'error', file: F, line: 2, column: 11, code: 'quote-not-found' }]);
    expect(ps[0]!.message).toContain('not found at line 7 of report.txt (it starts at line 8)');
  });

  it('a value that is not in its quote', () => {
    const ps = problemsOf('value-not-in-quote.csv');
    expect(ps.map(brief)).toEqual([{ severity: 'error', file: F, line: 2, column: 6, code: 'value-not-in-quote' }]);
  });

  it('a stray comma gives a column count error and keeps the other rows', () => {
    const ps = problemsOf('column-count.csv');
    expect(ps.map(brief)).toEqual([{ severity: 'error', file: F, line: 2, column: 0, code: 'column-count' }]);
    expect(ps[0]!.message).toContain('13 cells but the header has 12');
  });

  it('values outside the enums', () => {
    const ps = problemsOf('bad-enums.csv');
    expect(ps.map((p) => [p.column, p.code, p.columnName])).toEqual([
      [4, 'enum', 'kind'],
      [5, 'enum', 'comparator'],
      [8, 'enum', 'estimate'],
    ]);
  });

  it('one bad file never blanks the rest: the other year still loads', () => {
    const ds = checkBad('binary.csv');
    expect(ds.observations.filter((o) => o.year === 2024)).toHaveLength(4);
  });
});
