/**
 * One job off the main thread, the same way for every Worker of the app: the page starts a fresh
 * Worker per job (`runInWorker`), the worker answers each request with its value or its error's
 * message (`serveJobs`). Where a Worker cannot start, or fails to, the same work runs on the main
 * thread, so the answer is the same either way. Aborting the signal terminates the worker.
 */

export type JobRequest<Req> = Req & { id: number };
export type JobReply<T> = { id: number; ok: true; value: T } | { id: number; ok: false; error: string };

let nextId = 1;

export interface WorkerJob<Req extends object, T> {
  /** `() => new Worker(new URL('./x.worker.ts', import.meta.url), …)`: written out where it is used, so the bundler finds the worker. */
  start: () => Worker;
  request: Req;
  /** The same work, for when no Worker can run it. */
  onMainThread: () => T;
  signal?: AbortSignal;
  /** Run on the main thread without trying a Worker (tests, or a caller already off the main thread). */
  mainThread?: boolean;
  /** The AbortError's message ("The check was cancelled"). */
  cancelled: string;
}

export function runInWorker<Req extends object, T>(job: WorkerJob<Req, T>): Promise<T> {
  const { signal } = job;
  const abortError = () => new DOMException(job.cancelled, 'AbortError');
  if (signal?.aborted) return Promise.reject(abortError());
  const onMainThread = () => Promise.resolve().then(job.onMainThread);
  if (job.mainThread || typeof Worker === 'undefined') return onMainThread();
  let worker: Worker;
  try {
    worker = job.start();
  } catch {
    return onMainThread();
  }
  const id = nextId++;
  return new Promise<T>((resolve, reject) => {
    const done = () => {
      worker.terminate();
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      done();
      reject(abortError());
    };
    signal?.addEventListener('abort', onAbort);
    worker.onmessage = (e: MessageEvent<JobReply<T>>) => {
      if (e.data.id !== id) return;
      done();
      if (e.data.ok) resolve(e.data.value);
      else reject(new Error(e.data.error));
    };
    // A worker that cannot start (blocked, unsupported module workers): same work, main thread.
    worker.onerror = (e) => {
      e.preventDefault();
      done();
      onMainThread().then(resolve, reject);
    };
    const request: JobRequest<Req> = { ...job.request, id };
    worker.postMessage(request);
  });
}

/** In a worker: answer every request with `work`'s value, or with its error's message. */
export function serveJobs<Req extends object, T>(work: (req: Req) => T): void {
  const scope = self as unknown as DedicatedWorkerGlobalScope;
  scope.onmessage = (e: MessageEvent<JobRequest<Req>>) => {
    const { id, ...req } = e.data;
    let reply: JobReply<T>;
    try {
      reply = { id, ok: true, value: work(req as unknown as Req) };
    } catch (err) {
      reply = { id, ok: false, error: err instanceof Error ? err.message : String(err) };
    }
    scope.postMessage(reply);
  };
}
