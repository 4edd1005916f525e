/**
 * The accepted rows out: one yearly file per year (the published file of that year with the rows
 * added, or a new file), the bare rows to paste, and a button that hands the files to the check.
 */
import { useId, useState } from 'react';
import { useT } from '../../../ui/i18n';
import { saveText } from '../../../ui/saveFile';
import type { YearFile } from './draftModel';
import { messages } from './messages';

interface Props {
  files: YearFile[];
  paste: string;
  source: string;
  district: string;
  onCheck: () => void;
}

export function DraftExport({ files, paste, source, district, onCheck }: Props) {
  const t = useT(messages);
  const id = useId();
  const [copiedText, setCopied] = useState<string | null>(null);
  const copied = copiedText === paste;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(paste);
      setCopied(paste);
    } catch {
      // No clipboard (an insecure page, a refused permission): select the text for the staff member to copy.
      const area = document.getElementById(`${id}-paste`) as HTMLTextAreaElement | null;
      area?.focus();
      area?.select();
    }
  };
  const ready = source !== '' && district !== '';
  return (
    <section className="draft-export" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('exportTitle')}</h3>
      {files.length === 0 ? (
        <p className="check-muted">{t('exportNone')}</p>
      ) : !ready ? (
        <p className="check-error" role="alert">
          {source === '' ? t('needSource') : t('needDistrict')}
        </p>
      ) : (
        <>
          <p className="check-muted">{t('exportIntro')}</p>
          <ul className="draft-files">
            {files.map((f) => (
              <li key={f.name}>
                <button type="button" onClick={() => saveText(f.name, f.text)} data-testid="draft-download" data-file={f.name}>
                  ⤓ {t(f.base === 'new' ? 'exportNew' : 'exportMerged', { name: f.name, count: f.added })}
                </button>
              </li>
            ))}
          </ul>
          <div className="draft-bulk">
            <button type="button" onClick={onCheck} data-testid="draft-check">
              ✔ {t('checkThese')}
            </button>
            <span className="check-muted">{t('checkTheseHint')}</span>
          </div>
          <details className="draft-paste-rows">
            <summary>{t('pasteTitle')}</summary>
            <label htmlFor={`${id}-paste`} className="visually-hidden">
              {t('pasteLabel2')}
            </label>
            <textarea id={`${id}-paste`} readOnly rows={Math.min(10, paste.split('\n').length + 1)} value={paste} lang="zh" />
            <button type="button" onClick={() => void copy()}>
              {copied ? t('copied') : t('copy')}
            </button>
          </details>
        </>
      )}
    </section>
  );
}
