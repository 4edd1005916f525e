/**
 * Runs a job (a generator that yields every few thousand steps) while the page is idle, a few
 * milliseconds at a time, so a click or a keystroke never waits long behind it.
 */
import type { Job } from '../../model/dataTable';

/** Longest stretch of work before giving the page back (wall time: on a slow phone it covers less). */
const SLICE_MS = 8;

/** Starts `job` in idle time; the function returned stops it (what is done so far is kept). */
export function runWhenIdle(job: Job<void>): () => void {
  // Safari has no requestIdleCallback: a timer does the same, a slice per task.
  const idle = typeof requestIdleCallback === 'function';
  let idleHandle: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const step = (deadline?: IdleDeadline) => {
    idleHandle = timer = undefined;
    const end = performance.now() + Math.min(SLICE_MS, deadline ? deadline.timeRemaining() : SLICE_MS);
    do {
      if (job.next().done) return;
    } while (!stopped && performance.now() < end);
    if (!stopped) schedule();
  };
  const schedule = () => {
    if (idle) idleHandle = requestIdleCallback(step);
    else timer = setTimeout(step, 0);
  };
  schedule();
  return () => {
    stopped = true;
    if (idleHandle !== undefined) cancelIdleCallback(idleHandle);
    if (timer !== undefined) clearTimeout(timer);
  };
}
