/**
 * Problems in the published files, shown, never hidden: each with file, line, column and
 * reason. Errors open by default; warnings fold away.
 */
import { useState } from 'react';
import { common, messageOf, useLang, useT } from './i18n';
import type { Problem } from '../data/types';

/** A file with thousands of bad rows must not freeze the page: show a page of problems at a time. */
export const PROBLEM_PAGE = 100;

export function ProblemList({ problems }: { problems: Problem[] }) {
  const lang = useLang();
  const t = useT(common);
  const [shown, setShown] = useState(PROBLEM_PAGE);
  return (
    <>
      <ul className="problem-list">
        {problems.slice(0, shown).map((p, i) => (
          <li key={i} className={`problem problem-${p.severity}`}>
            <code>
              {p.file}:{p.line}:{p.column}
            </code>{' '}
            {p.columnName && <span className="problem-column">[{p.columnName}]</span>}{' '}
            {p.cell !== undefined && p.cell !== '' && <q className="problem-cell">{p.cell}</q>}{' '}
            <span>{messageOf(p, lang)}</span>
          </li>
        ))}
      </ul>
      {problems.length > shown && (
        <button type="button" onClick={() => setShown((n) => n + PROBLEM_PAGE * 10)}>
          {t('moreProblems', { count: problems.length - shown })}
        </button>
      )}
    </>
  );
}

export function Notices({ problems, onRetry }: { problems: Problem[]; onRetry?: () => void }) {
  const t = useT(common);
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length === 0) return null;
  const fetchFailed = errors.some((p) => p.code === 'fetch');
  return (
    <section className="notice notice-error" role="alert" aria-live="polite">
      <details open>
        <summary>{t('problemsTitle', { count: errors.length })}</summary>
        <ProblemList problems={errors} />
      </details>
      {fetchFailed && onRetry && (
        <button type="button" onClick={onRetry}>
          {t('retry')}
        </button>
      )}
    </section>
  );
}
