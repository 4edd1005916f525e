/** Every problem of one file, errors then warnings, each with where it is and how to fix it. */
import { useState } from 'react';
import { common, messageOf, useLang, useT } from '../../ui/i18n';
import type { Problem } from '../../data/types';
import { PROBLEM_PAGE } from '../../ui/Notices';
import { messages } from './messages';

export function ProblemTable({ problems, caption }: { problems: Problem[]; caption: string }) {
  const t = useT(messages);
  const tc = useT(common);
  const lang = useLang();
  // Thousands of rows of a badly broken file would freeze the page: list a page at a time.
  const [shown, setShown] = useState(PROBLEM_PAGE);
  if (problems.length === 0) return null;
  return (
    <div className="check-table-wrap">
      <table className="check-problems">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('colFile')}</th>
            <th scope="col">{t('colLine')}</th>
            <th scope="col">{t('colColumn')}</th>
            <th scope="col">{t('colName')}</th>
            <th scope="col">{t('colCell')}</th>
            <th scope="col">{t('colReason')}</th>
          </tr>
        </thead>
        <tbody>
          {problems.slice(0, shown).map((p, i) => (
            <tr key={i} className={`check-problem check-row-${p.severity}`} data-code={p.code}>
              <td data-label={t('colFile')} className="check-file">
                <span>
                  <span className={`check-sev check-sev-${p.severity}`}>
                    <span aria-hidden="true">{p.severity === 'error' ? '✖' : '⚠'}</span> {t(p.severity === 'error' ? 'error' : 'warning')}
                  </span>{' '}
                  <code>{p.file}</code>
                </span>
              </td>
              <td data-label={t('colLine')} className="check-line">
                {p.line === 0 ? t('wholeFile') : p.line}
              </td>
              <td data-label={t('colColumn')} className="check-column">
                {p.column === 0 ? (p.line === 0 ? t('wholeFile') : t('wholeRow')) : p.column}
              </td>
              <td data-label={t('colName')} className="check-colname">
                {p.columnName ?? '—'}
              </td>
              <td data-label={t('colCell')} className="check-cell">
                {p.cell === undefined ? '—' : p.cell === '' ? t('emptyCell') : <code>{p.cell}</code>}
              </td>
              <td data-label={t('colReason')} className="check-reason">
                {messageOf(p, lang)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {problems.length > shown && (
        <button type="button" onClick={() => setShown((n) => n + PROBLEM_PAGE * 10)}>
          {tc('moreProblems', { count: problems.length - shown })}
        </button>
      )}
    </div>
  );
}
