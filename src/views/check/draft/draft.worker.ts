/** Drafting off the main thread: a DraftRequest in, its DraftOutcome (or the error's message) out. */
import { draftReport, type DraftRequest } from './draftJob';
import type { DraftReply } from './draftClient';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (e: MessageEvent<DraftRequest>) => {
  const { id, ...req } = e.data;
  let reply: DraftReply;
  try {
    reply = { id, ok: true, outcome: draftReport(req) };
  } catch (err) {
    reply = { id, ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  scope.postMessage(reply);
};
