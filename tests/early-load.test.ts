import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Loaded } from '../src/views/types';

// The loader itself is tested elsewhere (fetch-years, no-row-lost); here only who takes its result.
const calls: (string | null)[] = [];
vi.mock('../src/app/loadPublished', () => ({
  loadPublished: vi.fn((_signal: AbortSignal | undefined, plan: { from: number; to: number } | null) => {
    calls.push(plan ? `${plan.from}-${plan.to}` : 'all');
    return Promise.resolve({ available: [2024] } as unknown as Loaded);
  }),
}));

const fresh = async () => {
  vi.resetModules();
  return import('../src/app/earlyLoad');
};

describe('data loaded before the app (earlyLoad)', () => {
  beforeEach(() => {
    calls.length = 0;
  });

  it('gives the early load to the first query of the same plan, once', async () => {
    const { loadEarly, takeEarly } = await fresh();
    loadEarly('?view=scorecard&year=2024');
    expect(calls).toEqual(['2024-2024']);
    expect(takeEarly(null)).toBeNull(); // another plan: the app loads its own
    const taken = takeEarly({ from: 2024, to: 2024 });
    expect(taken).not.toBeNull();
    await expect(taken).resolves.toEqual({ available: [2024] });
    expect(takeEarly({ from: 2024, to: 2024 })).toBeNull(); // a retry loads anew
  });

  it('loads every year for a view that needs them', async () => {
    const { loadEarly, takeEarly } = await fresh();
    loadEarly('?view=overview&lang=en');
    expect(calls).toEqual(['all']);
    expect(takeEarly(null)).not.toBeNull();
  });

  it('starts nothing once the app has asked, and nothing twice', async () => {
    const late = await fresh();
    expect(late.takeEarly(null)).toBeNull();
    late.loadEarly('');
    expect(calls).toEqual([]);

    const twice = await fresh();
    twice.loadEarly('');
    twice.loadEarly('');
    expect(calls).toEqual(['all']);
  });

  it('leaves a failed early load to the app to report', async () => {
    const { loadPublished } = await import('../src/app/loadPublished');
    vi.mocked(loadPublished).mockImplementationOnce(() => Promise.reject(new Error('index.json: HTTP 503')));
    const { loadEarly, takeEarly } = await fresh();
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    loadEarly('');
    await new Promise((r) => setTimeout(r, 10));
    process.off('unhandledRejection', unhandled);
    expect(unhandled).not.toHaveBeenCalled();
    await expect(takeEarly(null)).rejects.toThrow('HTTP 503');
  });
});
