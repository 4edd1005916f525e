/**
 * Runs a job (a generator that yields every few thousand steps) while the page has nothing else
 * to do, a few milliseconds at a time, so a click or a keystroke never waits long behind it.
 */
import type { Job } from '../core/job';

/** Longest stretch of work before giving the page back (wall time: on a slow phone it covers less). */
const SLICE_MS = 8;

interface PostTask {
  postTask(cb: () => void, options: { priority: 'background'; signal?: AbortSignal }): Promise<unknown>;
}

/**
 * Where to queue the next slice. Background tasks (Chromium's `scheduler.postTask`) run one after
 * another whenever nothing more urgent is waiting, so a job gets the whole idle time; an idle
 * callback is given one slice per idle period (at most every 50 ms), which left the data view's
 * sort orders unready for half a minute on a slow phone. Without either, a timer.
 */
function queue(stop: AbortSignal): (step: (deadline?: IdleDeadline) => void) => void {
  const scheduler = (globalThis as { scheduler?: Partial<PostTask> }).scheduler;
  if (typeof scheduler?.postTask === 'function') {
    const post = scheduler.postTask.bind(scheduler);
    // An aborted task's promise rejects: that is how it is cancelled, not an error.
    return (step) => void post(() => step(), { priority: 'background', signal: stop }).catch(() => undefined);
  }
  return (step) => stop.addEventListener('abort', whenIdle(step), { once: true });
}

/**
 * Runs `job` once, in the page's next idle period (`timeout`: at the latest after so many ms);
 * where the browser has no idle callbacks, after a timer of `fallback` ms. The function
 * returned cancels it.
 */
export function whenIdle(job: (deadline?: IdleDeadline) => void, { timeout, fallback = 0 }: { timeout?: number; fallback?: number } = {}): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(job, timeout === undefined ? undefined : { timeout });
    return () => cancelIdleCallback(handle);
  }
  const timer = setTimeout(job, fallback);
  return () => clearTimeout(timer);
}

/** Starts `job` in idle time; the function returned stops it (what is done so far is kept). */
export function runWhenIdle(job: Job<void>): () => void {
  const stopper = new AbortController();
  const schedule = queue(stopper.signal);
  const step = (deadline?: IdleDeadline) => {
    const end = performance.now() + Math.min(SLICE_MS, deadline ? deadline.timeRemaining() : SLICE_MS);
    do {
      if (job.next().done) return;
    } while (!stopper.signal.aborted && performance.now() < end);
    if (!stopper.signal.aborted) schedule(step);
  };
  schedule(step);
  return () => stopper.abort();
}
