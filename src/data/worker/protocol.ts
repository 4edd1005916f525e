/** Messages between the page and check.worker.ts. */
import type { RawFile } from '../dataset';
import type { CheckResult, DroppedFile } from './checkFiles';

export interface WorkerRequest {
  id: number;
  published: RawFile[];
  dropped: DroppedFile[];
}

export type WorkerReply = { id: number; ok: true; result: CheckResult } | { id: number; ok: false; error: string };
