/**
 * Translation in React: the page's language as a context, and `useT(messages)` for a component.
 * The words and `translate` itself are in src/core/i18n.ts (re-exported here so a component has
 * one place to import from).
 */
import { createContext, useCallback, useContext } from 'react';
import { translate, type Messages, type Params } from '../core/i18n';
import type { Lang } from '../core/url';

export { common, defineMessages, messageOf, nameOf, translate } from '../core/i18n';
export type { Messages, Params, Translate } from '../core/i18n';

export const LangContext = createContext<Lang>('zh');
export const useLang = () => useContext(LangContext);

/** `const t = useT(messages); t('title')` */
export function useT<K extends string>(m: Messages<K>) {
  const lang = useLang();
  return useCallback((key: K, params?: Params) => translate(m, lang, key, params), [m, lang]);
}
