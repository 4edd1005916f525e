/**
 * The yearly observation files read and checked: each row by the fast path when it gives no
 * problem, else by the plain rules, which report it; then duplicates are found and rows grouped
 * by figure for the conflict check. A bad row never stops the rest.
 */
import { RowReader } from '../cells';
import { cellsOf, readCells, readersKeptWarm, tableRow, type CellBounds, type RowSink } from '../csv';
import { problem } from '../problems';
import type { SourceText } from '../quotes';
import { observationFile, OBSERVATION_COLUMNS, OPTIONAL_OBSERVATION_COLUMNS, yearOfFile } from '../schema';
import type { Observation, Problem } from '../types';
import { CleanRows } from './fastPath';
import { DuplicateKeys, IntTable, YearKeys } from './keys';
import { Lookups } from './lookups';
import { readObservationRow, type SourceTexts } from './observationRules';
import type { Read, ReadOptions, Reference } from './reference';

export function readObservations(file: string, text: string, ref: Reference, lookups = new Lookups(ref), opts: ReadOptions = {}): Read<Observation> {
  const reader = new ObservationRows(file, ref, lookups, opts.fastPath !== false);
  // Each row is checked as soon as it is parsed, so the rows of a large file are never all
  // alive at once.
  const t = readCells(file, text, OBSERVATION_COLUMNS, (index) => reader.start(index), OPTIONAL_OBSERVATION_COLUMNS);
  const problems = [...t.problems];
  if (reader.fileYear === null) problems.push(problem('error', 'file-name', { file }, 'file-name'));
  for (const p of reader.problems) problems.push(p);
  return { rows: reader.rows, problems };
}

/**
 * The rows of one yearly file. A class, not closures made per file: the compiled code of the
 * row loop stays valid from file to file instead of being thrown away with each file's closures.
 */
class ObservationRows implements RowSink, SourceTexts {
  readonly rows: Observation[] = [];
  /** The rows' problems, in row order. */
  readonly problems: Problem[] = [];
  readonly fileYear: number | null;
  private readonly seen: DuplicateKeys;
  private readonly textFor = new Map<string, SourceText | null>();
  private readonly ids = [0, 0, 0];
  private fast: CleanRows | null = null;
  private index = new Map<string, number>();

  constructor(
    private readonly file: string,
    private readonly ref: Reference,
    private readonly lookups: Lookups,
    private readonly fastPath = true,
  ) {
    this.fileYear = yearOfFile(file);
    this.seen = new DuplicateKeys(ref);
  }

  start(index: Map<string, number>): RowSink {
    this.index = index;
    this.lookups.figures.startFile(this.rows);
    this.fast = this.fastPath ? new CleanRows(index, this.lookups, this.fileYear, this) : null;
    return this;
  }

  sourceText(name: string): SourceText | null {
    if (!this.textFor.has(name)) this.textFor.set(name, this.ref.texts!.get(name));
    return this.textFor.get(name)!;
  }

  row(text: string, b: CellBounds, n: number, rowLine: number, quoted: number): void {
    // Most rows give no problem at all: read those without a RowReader, else read the row
    // again, with every problem reported.
    const ids = this.ids;
    const clean = this.fast === null ? null : this.fast.read(text, b, quoted, this.file, rowLine, ids);
    if (clean !== null) {
      this.keep(clean, ids[0]!, ids[1]!, ids[2]!);
      return;
    }
    const o = readObservationRow(this.file, tableRow(rowLine, cellsOf(text, b, n), this.index), this.ref, this.fileYear, this, this.problems);
    // A row without errors names ids the reference has, so each has its number.
    const L = this.lookups;
    if (o !== null) this.keep(o, L.districts.get(o.district)!.n, L.indicators.get(o.indicator)!.n, L.sources.get(o.source)!.n);
  }

  private keep(o: Observation, d: number, i: number, s: number): void {
    const firstLine = this.seen.check(o, d, i, s);
    if (firstLine === undefined) {
      this.rows.push(o);
      this.lookups.figures.add(o, d, i);
      return;
    }
    this.problems.push(
      problem('error', 'duplicate', { file: this.file, line: o.origin.line, column: 0 }, 'duplicate', {
        key: `(${o.district}, ${o.indicator}, ${o.year}, ${o.kind}, ${o.source})`,
        first: firstLine,
      }),
    );
  }
}

/**
 * One idle instance of each class the readers use, kept while the module lives. V8 drops a
 * class's hidden classes once none of its instances is left, and the compiled row loop with
 * them: after a garbage collection every check (the check page, a reload in the worker) would
 * run uncompiled code again. Holding one instance keeps them (10 k rows checked after a full
 * collection: about 3 times faster).
 */
const IDLE_REF: Reference = { districts: new Map(), indicators: new Map(), sources: new Map() };
const idleRows = new ObservationRows(observationFile(2000), IDLE_REF, new Lookups(IDLE_REF));
idleRows.start(new Map(OBSERVATION_COLUMNS.map((c, i) => [c, i])));
export const KEPT_WARM: readonly unknown[] = [idleRows, new DuplicateKeys(IDLE_REF), new YearKeys(1), new IntTable(1), new RowReader('', tableRow(0, [], new Map()), []), ...readersKeptWarm];
