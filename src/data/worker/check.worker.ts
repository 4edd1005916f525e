/** The check off the main thread: a request in, a CheckResult (or the error's message) out. */
import { serveJobs } from '../../core/workerJob';
import { checkFiles } from './checkFiles';
import type { CheckRequest } from './protocol';

serveJobs(({ published, dropped }: CheckRequest) => checkFiles(published, dropped));
