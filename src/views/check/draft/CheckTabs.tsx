/** The check page's two parts, "check a file" and "draft from a report", as links: the URL holds which (tab=draft). */
import { useT } from '../../../ui/i18n';
import { toSearch } from '../../../core/url';
import type { ViewProps } from '../../types';
import './draft.css';
import { messages } from './messages';

export function CheckTabs({ state, set }: Pick<ViewProps, 'state' | 'set'>) {
  const t = useT(messages);
  const tabs = [
    { tab: null, label: t('tabFile') },
    { tab: 'draft' as const, label: t('tabDraft') },
  ];
  return (
    <nav className="check-tabs" aria-label={t('tabsLabel')}>
      {tabs.map(({ tab, label }) => (
        <a
          key={label}
          href={toSearch({ ...state, tab }) || '?'}
          aria-current={state.tab === tab ? 'page' : undefined}
          onClick={(e) => {
            if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
            e.preventDefault();
            set({ tab });
          }}
        >
          {label}
        </a>
      ))}
    </nav>
  );
}
