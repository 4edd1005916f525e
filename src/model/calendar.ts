/**
 * The reporting calendar of DESIGN.md ("When a figure is missing"), as pure functions of the
 * sources and today's date (an ISO day, given by the caller: the app takes it from one place,
 * tests fix it). The results of year Y are reported by the work report delivered from December
 * of Y to March of Y+1, which also sets the targets of Y+1.
 */
import type { Source } from '../data/types';

/** An ISO day, 2026-12-06. */
export type IsoDay = string;

/** The first day on which year Y's results are overdue rather than pending: 1 April of Y+1. */
export const resultsDueBy = (year: number): IsoDay => `${year + 1}-04-01`;

/** True from 1 April of Y+1: a missing result of Y is then "not in the data", no longer pending. */
export const resultsDue = (year: number, today: IsoDay): boolean => today >= resultsDueBy(year);

/** The window in which the work report setting year Y's targets is delivered: December Y−1 to March Y. */
export function targetReportWindow(year: number): { from: IsoDay; to: IsoDay } {
  return { from: `${year - 1}-12-01`, to: `${year}-03-31` };
}

/** The year whose targets a work report delivered on `published` sets (December counts for the next year). */
export function reportYear(published: IsoDay): number {
  const y = Number(published.slice(0, 4));
  return published.slice(5, 7) === '12' ? y + 1 : y;
}

const inWindow = (published: IsoDay, year: number) => {
  const w = targetReportWindow(year);
  return published >= w.from && published <= w.to;
};

/** The work-report sources, by district, with the years whose targets each sets. */
export function heldReports(sources: Iterable<Source>): Map<string, Set<number>> {
  const m = new Map<string, Set<number>>();
  for (const s of sources) {
    if (s.kind !== 'work-report') continue;
    const y = reportYear(s.published);
    if (!inWindow(s.published, y)) continue;
    let set = m.get(s.district);
    if (!set) m.set(s.district, (set = new Set()));
    set.add(y);
  }
  return m;
}

/** The latest `published` date among the sources: what the data are current to. */
export function dataAsOf(sources: Iterable<Source>): IsoDay | null {
  let latest: IsoDay | null = null;
  for (const s of sources) if (s.published && (latest === null || s.published > latest)) latest = s.published;
  return latest;
}

/** The year of the latest work report that should have been delivered by today (its window has closed). */
export function latestReportDue(today: IsoDay): number {
  const y = Number(today.slice(0, 4));
  return today > targetReportWindow(y).to ? y : y - 1;
}

export interface ReportDue {
  district: string;
  /** The year whose targets (and the previous year's results) the missing report gives. */
  year: number;
}

/** Districts whose latest due work report (latestReportDue) is not among the sources. */
export function reportsDueNotHeld(held: ReadonlyMap<string, ReadonlySet<number>>, districts: readonly string[], today: IsoDay): ReportDue[] {
  const year = latestReportDue(today);
  return districts.filter((d) => !held.get(d)?.has(year)).map((district) => ({ district, year }));
}

/** Today as an ISO day in the local time zone (the reader's calendar day). */
export function isoDay(d: Date): IsoDay {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
