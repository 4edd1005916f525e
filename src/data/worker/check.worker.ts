/** The check off the main thread: a request in, a CheckResult (or the error's message) out. */
import { checkFiles } from './checkFiles';
import type { WorkerReply, WorkerRequest } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (e: MessageEvent<WorkerRequest>) => {
  const { id, published, dropped } = e.data;
  let reply: WorkerReply;
  try {
    reply = { id, ok: true, result: checkFiles(published, dropped) };
  } catch (err) {
    reply = { id, ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  scope.postMessage(reply);
};
