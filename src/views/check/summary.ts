/**
 * The one-line verdict of a file card: what happened to the file, never "no problems" for a
 * file that was not checked (superseded by a later one) or could not be read at all.
 */
import type { FileReport } from '../../data/worker/checkFiles';

export type Verdict =
  | { tone: 'none'; key: 'superseded'; name: string }
  | { tone: 'bad'; key: 'unreadable' }
  | { tone: 'bad' | 'warn'; key: 'counts'; errors: number; warnings: number }
  | { tone: 'ok'; key: 'noProblems' };

export function verdictOf(report: FileReport): Verdict {
  if (report.supersededBy !== null) return { tone: 'none', key: 'superseded', name: report.supersededBy };
  if (report.role === 'data' && report.encoding === 'unknown') return { tone: 'bad', key: 'unreadable' };
  const errors = report.problems.filter((p) => p.severity === 'error').length;
  const warnings = report.problems.length - errors;
  if (report.problems.length === 0) return { tone: 'ok', key: 'noProblems' };
  return { tone: errors ? 'bad' : 'warn', key: 'counts', errors, warnings };
}
