/**
 * The draft in progress, kept outside React so that switching tabs, views or language never loses
 * the report or the review: the text given, the settings (source, district, date), the latest
 * drafting's outcome and every row's decision and edit. Drafting runs again whenever the text or
 * a setting changes; decisions and edits carry over (draftModel.startReview).
 */
import { useSyncExternalStore } from 'react';
import { MAX_REPORT_BYTES, type LexiconIndicator } from '../../../extract';
import { tooLarge } from '../../../extract/input';
import { draftInWorker } from './draftClient';
import type { DraftOutcome, Refusal } from './draftJob';
import { DEFAULT_FILTER, startReview, type ReviewRow, type RowFilter } from './draftModel';

export type Drafted = Extract<DraftOutcome, { ok: true }>;

export interface DraftInput {
  id: number;
  /** The file's name; '' for pasted text. */
  name: string;
  size: number;
  bytes: Uint8Array;
}

/** A text that was refused: the one drafted before (and its review) stays. */
export type Refused = { name: string } & Refusal;

export interface DraftSettings {
  source: string;
  district: string;
  /** ISO date the report was delivered: resolves 今年 / 去年. */
  published: string;
}

export interface DraftWork {
  /** The text being drafted (the last one that was not refused). */
  input: DraftInput | null;
  refused: Refused | null;
  /** The text in the paste box, kept even when not yet drafted. */
  pasted: string;
  settings: DraftSettings;
  running: boolean;
  outcome: Drafted | null;
  /** The drafting failed (a refused text is in `refused`). */
  error: string | null;
  review: ReviewRow[];
  /** The key of the row whose line is shown in the text. */
  selected: string | null;
  filter: RowFilter;
}

const INITIAL: DraftWork = {
  input: null,
  refused: null,
  pasted: '',
  settings: { source: '', district: '', published: '' },
  running: false,
  outcome: null,
  error: null,
  review: [],
  selected: null,
  filter: DEFAULT_FILTER,
};

let work: DraftWork = INITIAL;
let indicators: LexiconIndicator[] = [];
let nextId = 1;
let current: AbortController | null = null;
const listeners = new Set<() => void>();

function set(patch: Partial<DraftWork>) {
  work = { ...work, ...patch };
  listeners.forEach((l) => l());
}

/** Draft `input` (a new text) or the current one again (new settings). */
async function run(input = work.input): Promise<void> {
  current?.abort();
  if (!input) return;
  const controller = new AbortController();
  current = controller;
  set({ running: true, error: null });
  try {
    const { settings } = work;
    const opts = { district: settings.district, source: settings.source, ...(settings.published ? { published: settings.published } : {}) };
    const outcome = await draftInWorker({ bytes: input.bytes, indicators, opts }, controller.signal);
    if (controller.signal.aborted) return;
    if (!outcome.ok) {
      set({ running: false, refused: { ...outcome, name: input.name } });
      return;
    }
    const review = startReview(outcome.rows, work.review);
    const selected = review.some((r) => r.key === work.selected) ? work.selected : null;
    set({ running: false, input, outcome, review, selected, refused: null });
  } catch (e) {
    if (controller.signal.aborted) return;
    set({ running: false, error: e instanceof Error ? e.message : String(e) });
  }
}

export const draftWork = {
  subscribe(l: () => void) {
    listeners.add(l);
    return () => listeners.delete(l);
  },
  get: () => work,
  /** The catalogue's indicators, for the lexicon; drafting waits for them. */
  setIndicators(list: LexiconIndicator[]) {
    const changed = JSON.stringify(list) !== JSON.stringify(indicators);
    indicators = list;
    if (changed && work.input) void run();
  },
  /** A file, read and drafted. */
  async giveFile(file: File): Promise<void> {
    // Refused by its size alone: a huge file is never read into the page.
    if (file.size > MAX_REPORT_BYTES) {
      set({ refused: { ...(tooLarge(file.size) as Refusal), name: file.name } });
      return;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    await run({ id: nextId++, name: file.name, size: file.size, bytes });
  },
  setPasted(text: string) {
    set({ pasted: text });
  },
  /** Draft the text in the paste box. */
  async draftPasted(): Promise<void> {
    const bytes = new TextEncoder().encode(work.pasted);
    if (bytes.length > MAX_REPORT_BYTES) {
      set({ refused: { ...(tooLarge(bytes.length) as Refusal), name: '' } });
      return;
    }
    await run({ id: nextId++, name: '', size: bytes.length, bytes });
  },
  async setSettings(patch: Partial<DraftSettings>): Promise<void> {
    set({ settings: { ...work.settings, ...patch } });
    await run();
  },
  setReview(review: ReviewRow[]) {
    set({ review });
  },
  select(key: string | null) {
    set({ selected: key });
  },
  setFilter(patch: Partial<RowFilter>) {
    set({ filter: { ...work.filter, ...patch } });
  },
  /** Start again: the text and every decision are cleared (the settings stay). */
  clear() {
    current?.abort();
    set({ ...INITIAL, settings: work.settings, pasted: work.pasted });
  },
};

export function useDraftWork(): DraftWork {
  return useSyncExternalStore(draftWork.subscribe, draftWork.get, draftWork.get);
}
