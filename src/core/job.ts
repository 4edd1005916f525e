/**
 * Cooperative work: a long computation written as a generator that yields every slice, so the
 * page can run it while idle (src/ui/idle.ts) and stop between slices, or `finish` it at once.
 * Nothing here knows what is computed.
 */

/**
 * Work done a slice at a time: a generator that yields every few thousand steps, so the page
 * can run it while idle and stop between slices. `finish` runs one to its end at once.
 */
export type Job<T> = Generator<void, T, void>;

export function finish<T>(job: Job<T>): T {
  for (;;) {
    const r = job.next();
    if (r.done) return r.value;
  }
}

/** Rows handled between two yields: about a millisecond of work on a phone. */
export const SLICE = 4096;

/**
 * `body(from, to)` over [0, n), a slice at a time. The loops live in plain functions, not in
 * the generators: engines optimise a long loop inside a generator poorly.
 */
export function* chunks(n: number, body: (from: number, to: number) => void, size = SLICE): Job<void> {
  for (let from = 0; from < n; from += size) {
    body(from, Math.min(n, from + size));
    yield;
  }
}

/**
 * A value computed by a job, shared: whoever asks first starts it, an idle runner may advance it
 * a slice at a time, and `value()` completes what is left at once (a click cannot wait).
 */
export class Lazy<T> {
  private job: Job<T> | undefined;
  private result: { value: T } | undefined;
  constructor(private readonly start: () => Job<T>) {}

  get done(): boolean {
    return this.result !== undefined;
  }

  *run(): Job<T> {
    for (;;) {
      if (this.result) return this.result.value;
      this.job ??= this.start();
      const r = this.job.next();
      if (r.done) {
        this.result = { value: r.value };
        this.job = undefined;
        return r.value;
      }
      yield;
    }
  }

  value(): T {
    return this.result ? this.result.value : finish(this.run());
  }
}
