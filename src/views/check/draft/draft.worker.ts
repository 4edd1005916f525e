/** Drafting off the main thread: a DraftRequest in, its DraftOutcome (or the error's message) out. */
import { serveJobs } from '../../../core/workerJob';
import { draftReport } from './draftJob';

serveJobs(draftReport);
