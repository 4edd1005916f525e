/**
 * draftInWorker — drafts a report off the main thread, so a long text never freezes the page.
 *
 *   const outcome = await draftInWorker({ bytes, indicators, opts }, signal);
 *
 * Resolves with the rows and the decoded text, or with the reason the text was refused. Where
 * a Worker cannot start, the same work runs on the main thread. Aborting terminates the worker.
 */
import { runInWorker } from '../../../core/workerJob';
import { draftReport, type DraftOutcome, type DraftRequest } from './draftJob';

export function draftInWorker(req: DraftRequest, signal?: AbortSignal): Promise<DraftOutcome> {
  return runInWorker({
    start: () => new Worker(new URL('./draft.worker.ts', import.meta.url), { type: 'module', name: 'draft-rows' }),
    request: req,
    onMainThread: () => draftReport(req),
    signal,
    cancelled: 'Drafting was cancelled',
  });
}
