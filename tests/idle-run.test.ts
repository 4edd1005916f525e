/** The data view's idle runner: runs a job in short slices until done, and stops when told. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Job } from '../src/core/job';
import { runWhenIdle } from '../src/ui/idle';

function* counting(n: number, done: { steps: number }): Job<void> {
  for (let i = 0; i < n; i++) {
    done.steps++;
    yield;
  }
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('runWhenIdle', () => {
  it('runs the job to its end over several tasks (timers where the browser has no idle callback)', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('requestIdleCallback', undefined);
    const done = { steps: 0 };
    runWhenIdle(counting(100, done));
    expect(done.steps).toBe(0); // nothing before the first slice
    await vi.runAllTimersAsync();
    expect(done.steps).toBe(100);
  });

  it('gives the page back after a few milliseconds', () => {
    const callbacks: ((d: IdleDeadline) => void)[] = [];
    vi.stubGlobal('requestIdleCallback', (cb: (d: IdleDeadline) => void) => callbacks.push(cb));
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const done = { steps: 0 };
    function* slow(): Job<void> {
      for (let i = 0; i < 10; i++) {
        now += 3; // each step takes 3 ms
        done.steps++;
        yield;
      }
    }
    runWhenIdle(slow());
    callbacks.shift()!({ timeRemaining: () => 50, didTimeout: false });
    expect(done.steps).toBe(3); // 9 ms: past the 8 ms of a slice
    expect(callbacks).toHaveLength(1); // and the rest comes in the next idle period
    while (callbacks.length) callbacks.shift()!({ timeRemaining: () => 50, didTimeout: false });
    expect(done.steps).toBe(10);
  });

  it('stops when told, keeping what was done', async () => {
    const callbacks: ((d: IdleDeadline) => void)[] = [];
    vi.stubGlobal('requestIdleCallback', (cb: (d: IdleDeadline) => void) => callbacks.push(cb));
    vi.stubGlobal('cancelIdleCallback', () => callbacks.splice(0));
    const done = { steps: 0 };
    const stop = runWhenIdle(counting(1_000_000, done));
    callbacks.shift()!({ timeRemaining: () => 1, didTimeout: false });
    const after = done.steps;
    expect(after).toBeGreaterThan(0);
    expect(after).toBeLessThan(1_000_000);
    stop();
    expect(callbacks).toHaveLength(0);
    expect(done.steps).toBe(after);
  });

  it('prefers background tasks, one slice each, back to back, and cancels the queued one when stopped', () => {
    const tasks: { cb: () => void; signal?: AbortSignal }[] = [];
    vi.stubGlobal('scheduler', {
      postTask: (cb: () => void, o: { priority: string; signal?: AbortSignal }) => {
        expect(o.priority).toBe('background');
        tasks.push({ cb, signal: o.signal });
        return new Promise(() => undefined);
      },
    });
    vi.stubGlobal('requestIdleCallback', () => {
      throw new Error('not used when background tasks exist');
    });
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const done = { steps: 0 };
    function* slow(): Job<void> {
      for (let i = 0; i < 10; i++) {
        now += 3;
        done.steps++;
        yield;
      }
    }
    const stop = runWhenIdle(slow());
    expect(done.steps).toBe(0);
    tasks.shift()!.cb();
    expect(done.steps).toBe(3); // one slice of 8 ms
    expect(tasks).toHaveLength(1); // the next slice queued at once, not at the next idle period
    stop();
    expect(tasks[0]!.signal?.aborted).toBe(true);
  });
});
