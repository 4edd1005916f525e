/** The source of one figure, one tap away: title, date, line, the report's own words, link. */
import { common, useLang, useT } from './i18n';
import type { Observation, Source } from '../data/types';
import { publicNote } from '../model/format';

/** Only web addresses become links: a `javascript:` or `data:` url from a CSV stays inert text. */
export function safeHref(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
}

/**
 * `estimateShown`: the figure beside already carries its 预计 mark, so the summary does not repeat it.
 * `remark`: also show the curator's internal remark (the check page only; never on public views).
 */
export function SourceNote({
  obs,
  source,
  estimateShown,
  remark = false,
}: {
  obs: Observation;
  source: Source | undefined;
  estimateShown?: boolean;
  remark?: boolean;
}) {
  const t = useT(common);
  const lang = useLang();
  const note = publicNote(obs, lang);
  const href = safeHref(source?.url);
  return (
    <details className="source-note">
      <summary>
        {t('source')}
        {obs.estimate && !estimateShown && <span className="tag-estimate"> · {t('estimate')}</span>}
      </summary>
      <div className="source-body">
        <p className="source-title">
          {source && href ? (
            <a href={href} rel="noopener noreferrer" target="_blank">
              {source.title_zh}
            </a>
          ) : (
            source?.title_zh ?? obs.source
          )}
        </p>
        <p className="source-meta">
          {source?.publisher_zh}
          {source?.published && ` · ${t('published', { date: source.published })}`}
          {obs.sourceLine !== null && ` · ${t('line', { line: obs.sourceLine })}`}
        </p>
        <blockquote lang="zh">{obs.quote}</blockquote>
        {!source?.text && <p className="source-meta">{t('unverified')}</p>}
        {note && <p className="source-meta source-public-note">{note}</p>}
        {remark && obs.remark && (
          <p className="source-meta source-remark">
            {t('remark')}
            {obs.remark}
          </p>
        )}
      </div>
    </details>
  );
}
