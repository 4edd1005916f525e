/**
 * Share this page's link: the phone's share sheet where there is one, else copy the link;
 * where copying is not allowed either, show the link in a field to copy by hand.
 */
import { useEffect, useRef, useState } from 'react';
import { common, useT } from './i18n';

type Outcome = 'idle' | 'copied' | 'manual';

export async function shareLink(url: string, title: string, nav: Navigator = navigator): Promise<Outcome | 'shared'> {
  if (typeof nav.share === 'function') {
    try {
      await nav.share({ title, url });
      return 'shared';
    } catch (e) {
      // The person closed the share sheet: nothing to do. Anything else: try copying.
      if (e instanceof DOMException && e.name === 'AbortError') return 'idle';
    }
  }
  if (nav.clipboard?.writeText) {
    try {
      await nav.clipboard.writeText(url);
      return 'copied';
    } catch {
      // not allowed (no permission, insecure page): fall through to the field
    }
  }
  return 'manual';
}

export function ShareButton({ title }: { title: string }) {
  const t = useT(common);
  const [outcome, setOutcome] = useState<Outcome>('idle');
  const field = useRef<HTMLInputElement>(null);
  const url = typeof window === 'undefined' ? '' : window.location.href;

  useEffect(() => {
    if (outcome === 'manual') field.current?.select();
    if (outcome !== 'copied') return;
    const id = window.setTimeout(() => setOutcome('idle'), 4000);
    return () => window.clearTimeout(id);
  }, [outcome]);

  return (
    <div className="share">
      <button type="button" className="share-button" onClick={() => void shareLink(window.location.href, title).then((o) => setOutcome(o === 'shared' ? 'idle' : o))}>
        <span aria-hidden="true">↗ </span>
        {t('share')}
      </button>
      <span className="share-status" role="status" aria-live="polite">
        {outcome === 'copied' ? t('copied') : ''}
      </span>
      {outcome === 'manual' && (
        <input ref={field} className="share-field" type="text" readOnly value={url} aria-label={t('share')} onFocus={(e) => e.currentTarget.select()} />
      )}
    </div>
  );
}
