/** What the page sends check.worker.ts (the reply is the CheckResult: src/core/workerJob.ts). */
import type { RawFile } from '../dataset';
import type { DroppedFile } from './checkFiles';

export interface CheckRequest {
  published: RawFile[];
  dropped: DroppedFile[];
}
