import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { fetchPlan } from './app/fetchPlan';
import { SNAPSHOT_SHOWN } from './app/snapshot';
import { publishedQuery } from './app/useDataset';
import { parseState } from './core/url';
import { loadView } from './app/views';
import './styles.css';
// The pages painted from index.html (src/app/snapshot.ts) need their views' styles at first paint.
import './views/overview/overview.css';
import './ui/citizen.css';

const client = new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false } } });

function render() {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <QueryClientProvider client={client}>
        <App />
      </QueryClientProvider>
    </StrictMode>,
  );
}

function start() {
  if (document.documentElement.hasAttribute(SNAPSHOT_SHOWN)) {
    // The page painted from index.html stays until the app can replace it in one step with the
    // same view on the fetched data; rendering now would show "loading" in its place meanwhile.
    // On failure the app renders at once and shows the error and its retry button.
    const state = parseState(window.location.search);
    void Promise.all([client.fetchQuery(publishedQuery(fetchPlan(state))), loadView(state.view)]).then(render, render);
  } else {
    render();
  }
}

// public/preload-data.js adds this module while the page is still being parsed: it starts once
// #root is there and public/show-snapshot.js has run (deferred scripts run before this event).
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
else start();
