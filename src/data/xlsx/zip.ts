/**
 * A guarded reader of the zip container of an .xlsx: the central directory is read first and
 * every declared size checked against limits before anything is inflated; inflation then runs in
 * small steps and stops as soon as an entry yields more than its limit (a header may lie about
 * its size). Throws XlsxRefusal, whose key names the bilingual message (problems.ts). Pure.
 */
import { Inflate } from 'fflate';

export interface ZipLimits {
  /** Bytes one entry may inflate to. */
  entry: number;
  /** Bytes all entries together may declare. */
  total: number;
  /** Entries in the archive. */
  entries: number;
}

export const ZIP_LIMITS: ZipLimits = { entry: 48 * 1024 * 1024, total: 96 * 1024 * 1024, entries: 2000 };

/** Why a workbook is not read: a message key of problems.ts and its parameters. */
export class XlsxRefusal extends Error {
  constructor(
    readonly key: 'xlsx-broken' | 'xlsx-old' | 'xlsx-too-large' | 'xlsx-formula' | 'xlsx-huge-sheet' | 'xlsx-no-sheet',
    readonly params: Record<string, string | number> = {},
  ) {
    super(`${key} ${JSON.stringify(params)}`);
  }
}

interface Entry {
  name: string;
  method: number;
  compressed: number;
  size: number;
  offset: number;
}

const u16 = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u32 = (b: Uint8Array, i: number) => (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;
const mb = (n: number) => Math.round((n / (1024 * 1024)) * 10) / 10;

/** The OLE container of an old .xls or of a password-protected workbook. */
const isOle = (b: Uint8Array) => b.length >= 8 && u32(b, 0) === 0xe011cfd0 && u32(b, 4) === 0xe11ab1a1;

export class ZipReader {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly bytes: Uint8Array,
    private readonly limits: ZipLimits = ZIP_LIMITS,
  ) {
    if (isOle(bytes)) throw new XlsxRefusal('xlsx-old');
    if (bytes.length < 22 || u32(bytes, 0) !== 0x04034b50) throw new XlsxRefusal('xlsx-broken', { why: 'zip' });
    // The end-of-central-directory record sits in the last 64 KB + 22 bytes.
    let eocd = -1;
    for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) {
      if (u32(bytes, i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new XlsxRefusal('xlsx-broken', { why: 'zip' });
    const count = u16(bytes, eocd + 10);
    const dirOffset = u32(bytes, eocd + 16);
    if (count === 0xffff || dirOffset === 0xffffffff) throw new XlsxRefusal('xlsx-too-large', { size: mb(bytes.length), limit: mb(limits.total) });
    if (count > limits.entries) throw new XlsxRefusal('xlsx-broken', { why: 'entries' });
    let p = dirOffset;
    let total = 0;
    for (let k = 0; k < count; k++) {
      if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50) throw new XlsxRefusal('xlsx-broken', { why: 'zip' });
      const method = u16(bytes, p + 10);
      const compressed = u32(bytes, p + 20);
      const size = u32(bytes, p + 24);
      const nameLen = u16(bytes, p + 28);
      const extraLen = u16(bytes, p + 30);
      const commentLen = u16(bytes, p + 32);
      const offset = u32(bytes, p + 42);
      const name = new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLen));
      if (size > limits.entry || compressed > bytes.length) throw new XlsxRefusal('xlsx-too-large', { size: mb(size), limit: mb(limits.entry) });
      total += size;
      if (total > limits.total) throw new XlsxRefusal('xlsx-too-large', { size: mb(total), limit: mb(limits.total) });
      this.entries.set(name, { name, method, compressed, size, offset });
      p += 46 + nameLen + extraLen + commentLen;
    }
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The entry's bytes, or null when it is missing. Inflation stops at the entry limit. */
  read(name: string): Uint8Array | null {
    const e = this.entries.get(name);
    if (!e) return null;
    const b = this.bytes;
    const h = e.offset;
    if (h + 30 > b.length || u32(b, h) !== 0x04034b50) throw new XlsxRefusal('xlsx-broken', { why: 'zip' });
    if (u16(b, h + 6) & 1) throw new XlsxRefusal('xlsx-old');
    const start = h + 30 + u16(b, h + 26) + u16(b, h + 28);
    const data = b.subarray(start, start + e.compressed);
    if (data.length < e.compressed) throw new XlsxRefusal('xlsx-broken', { why: 'zip' });
    if (e.method === 0) return data.slice();
    if (e.method !== 8) throw new XlsxRefusal('xlsx-broken', { why: 'zip' });
    return this.inflate(data, Math.min(e.size, this.limits.entry));
  }

  private inflate(data: Uint8Array, declared: number): Uint8Array {
    const chunks: Uint8Array[] = [];
    let got = 0;
    let over = false;
    const inf = new Inflate((chunk) => {
      got += chunk.length;
      if (got > declared) over = true;
      else chunks.push(chunk);
    });
    const STEP = 16 * 1024;
    try {
      for (let i = 0; i < data.length && !over; i += STEP) inf.push(data.subarray(i, i + STEP), i + STEP >= data.length);
    } catch {
      throw new XlsxRefusal('xlsx-broken', { why: 'zip' });
    }
    // More than the directory declared: a forged size (a zip bomb), refused without reading on.
    if (over) throw new XlsxRefusal('xlsx-broken', { why: 'size' });
    const out = new Uint8Array(got);
    let o = 0;
    for (const c of chunks) {
      out.set(c, o);
      o += c.length;
    }
    return out;
  }
}
