/**
 * The files a staff member gave the check page, kept for the session outside React so that
 * switching views or language never loses them. A file given again under the same name
 * replaces the earlier one (as it would on the server).
 */
import { useSyncExternalStore } from 'react';

export interface GivenFile {
  id: number;
  name: string;
  size: number;
  bytes: Uint8Array;
  /** The File, to read it again on "check again" (the staff member may have saved edits). */
  file: File | null;
  /** True when re-reading failed (the browser refuses a file changed on disk): choose it again. */
  stale: boolean;
}

let files: GivenFile[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

export const givenFiles = {
  subscribe(l: () => void) {
    listeners.add(l);
    return () => listeners.delete(l);
  },
  get: () => files,
  async add(list: Iterable<File>): Promise<void> {
    const read = await Promise.all(
      [...list].map(async (f) => ({ id: nextId++, name: f.name, size: f.size, bytes: new Uint8Array(await f.arrayBuffer()), file: f, stale: false })),
    );
    const names = new Set(read.map((f) => f.name));
    files = [...files.filter((f) => !names.has(f.name)), ...read];
    emit();
  },
  /** For tests and callers that have bytes, not File objects. */
  addBytes(name: string, bytes: Uint8Array) {
    files = [...files.filter((f) => f.name !== name), { id: nextId++, name, size: bytes.length, bytes, file: null, stale: false }];
    emit();
  },
  remove(id: number) {
    files = files.filter((f) => f.id !== id);
    emit();
  },
  /** Read every file again from disk where the browser allows it; keep the old bytes where not. */
  async reread(): Promise<void> {
    files = await Promise.all(
      files.map(async (f) => {
        if (!f.file) return f;
        try {
          const bytes = new Uint8Array(await f.file.arrayBuffer());
          return { ...f, id: nextId++, bytes, size: bytes.length, stale: false };
        } catch {
          return { ...f, stale: true };
        }
      }),
    );
    emit();
  },
};

export function useGivenFiles(): GivenFile[] {
  return useSyncExternalStore(givenFiles.subscribe, givenFiles.get, givenFiles.get);
}
