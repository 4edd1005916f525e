/** The app state lives in the URL; back and forward move through it. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { type AppState, parseState, toSearch, type SetState } from '../core/url';

export function useAppState(): [AppState, SetState] {
  const [state, setLocal] = useState<AppState>(() => parseState(window.location.search));
  const current = useRef(state);
  current.current = state;

  useEffect(() => {
    const onPop = () => setLocal(parseState(window.location.search));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const set = useCallback<SetState>((patch, opts) => {
    const next = { ...current.current, ...patch };
    const search = toSearch(next);
    if (search !== window.location.search) {
      // A path opening with two slashes would be read as another host's address: keep one.
      const url = `${window.location.pathname.replace(/^\/{2,}/, '/')}${search}${window.location.hash}`;
      if (opts?.replace) window.history.replaceState(null, '', url);
      else window.history.pushState(null, '', url);
    }
    current.current = next;
    setLocal(next);
  }, []);

  return [state, set];
}
