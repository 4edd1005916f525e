/**
 * The record of the data a build's first paint was made from: the years index.json listed and
 * a fingerprint of every file read (src/data/fingerprint.ts). Written into index.html as a
 * <meta> (no script: the Content Security Policy allows none inline) before
 * public/preload-data.js, which compares it with the files the server sends.
 */
import type { RawFile } from '../data/dataset';
import { fingerprint } from '../data/fingerprint';
import { yearOfFile } from '../data/schema';
import { latestReportDue, type IsoDay } from '../model/calendar';
import { jsonMeta } from './meta';

/** The <meta name> public/preload-data.js reads. */
export const FIRST_PAINT_META = 'first-paint-data';

export interface FirstPaintRecord {
  /** The years of index.json, ascending. */
  years: number[];
  /** Path under data/ → fingerprint, for every file the pages were rendered from. */
  files: Record<string, string>;
  /**
   * The reporting year the build's day falls in (latestReportDue: it turns on 1 April). Every
   * status word and the 数据截至 line depend on the day only through it, so a visitor on a day
   * of another reporting year (a "pending" result now overdue) is not shown the build's copy.
   */
  calendar: number;
}

export function firstPaintRecord(files: readonly RawFile[], day: IsoDay): FirstPaintRecord {
  const record: FirstPaintRecord = { years: [], files: {}, calendar: latestReportDue(day) };
  for (const f of files) {
    // A file the build could not read cannot be vouched for; the build stops instead.
    if (!f.bytes) throw new Error(`first paint: ${f.path} was not read`);
    record.files[f.path] = fingerprint(f.bytes);
    const year = yearOfFile(f.path);
    if (year !== null) record.years.push(year);
  }
  record.years.sort((a, b) => a - b);
  return record;
}

export const firstPaintMeta = (record: FirstPaintRecord): string => jsonMeta(FIRST_PAINT_META, record);

/**
 * <link rel="preload"> for index.json and the reference files the record names: the requests go
 * out as soon as the page's <head> is read, a round trip before public/preload-data.js could
 * make them, and that script's fetch() takes these answers (and asks again for any the browser
 * took from its own cache without asking the server). Not the yearly files: a link to the
 * scorecard or data view of one year reads only the years it shows (src/app/fetchPlan.ts), which
 * only the script knows from the URL; it asks for them at once.
 */
export function dataPreloads(record: FirstPaintRecord): string {
  return ['index.json', ...Object.keys(record.files).filter((path) => yearOfFile(path) === null)]
    .map((path) => `<link rel="preload" as="fetch" crossorigin href="./data/${path.split('/').map(encodeURIComponent).join('/')}">`)
    .join('\n    ');
}
