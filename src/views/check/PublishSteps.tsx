/**
 * 发布步骤 / How to publish, shown after a clean check: what to copy where (each checked file
 * and the refreshed index.json, said as new or replacing), one zip with all of them, how to
 * confirm on the live site, and a link to the staff guide. No rebuild: the first paint is
 * kept true to the served files (DESIGN.md, "Publishing").
 */
import { common, translate, useLang, useT } from '../../ui/i18n';
import type { CheckResult, FileReport } from '../../data/worker/client';
import { INDEX_FILE } from '../../data/schema';
import guideUrl from '../../../docs/staff-guide.md?url';
import { messages } from './messages';
import { saveBundle } from './downloads';

/** The data files a clean check would publish, or null when the check is not clean. */
export function publishable(result: CheckResult): FileReport[] | null {
  const data = result.files.filter((f) => f.role === 'data' && f.path && f.normalised);
  const anyError = [...result.files.flatMap((f) => f.problems), ...result.elsewhere].some((p) => p.severity === 'error');
  return data.length > 0 && !anyError ? data : null;
}

export function PublishSteps({ result, published }: { result: CheckResult; published: Set<string> }) {
  const t = useT(messages);
  const lang = useLang();
  const files = publishable(result);
  if (!files) return result.files.some((f) => f.role === 'data') ? <p className="check-muted check-publish-blocked">{t('publishBlocked')}</p> : null;
  const years = result.dataset.years;
  return (
    <section className="check-publish" aria-labelledby="check-publish-title" data-testid="publish">
      <h3 id="check-publish-title">{t('publishTitle')}</h3>
      <p>{t('publishIntro')}</p>
      <ol className="check-publish-steps">
        <li>
          {t('publishStep1')}{' '}
          <button type="button" className="check-publish-download" onClick={() => void saveBundle(files, years)}>
            ⤓ {t('publishDownload')}
          </button>
        </li>
        <li>
          {t('publishStep2')}
          <ul className="check-publish-files">
            {files.map((f) => (
              <li key={f.path}>
                <code>data/{f.path}</code> — {published.has(f.path!) ? t('publishReplace') : t('publishNew')}
              </li>
            ))}
            <li>
              <code>data/{INDEX_FILE}</code> — {t('publishIndex', { years: years.join(translate(common, lang, 'listSep')) })}
            </li>
          </ul>
        </li>
        <li>{t('publishStep3')}</li>
        <li>{t('publishStep4')}</li>
      </ol>
      <p>
        <a href={guideUrl} target="_blank" rel="noopener">
          {t('publishGuide')}
        </a>{' '}
        (<code>docs/staff-guide.md</code>)
      </p>
    </section>
  );
}
