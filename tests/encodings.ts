/**
 * Text → bytes in legacy encodings, for tests: Node encodes only UTF-8, so each table is built
 * by decoding every one- and two-byte sequence with TextDecoder and reversing the map.
 */
const CP1252_HIGH: Record<string, number> = { '€': 0x80, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97, '™': 0x99 };

const tables = new Map<string, Map<string, number[]>>();

function table(label: 'gbk' | 'big5' | 'windows-1252'): Map<string, number[]> {
  let t = tables.get(label);
  if (t) return t;
  t = new Map();
  const dec = new TextDecoder(label, { fatal: true });
  const tryBytes = (bytes: number[]) => {
    try {
      const ch = dec.decode(new Uint8Array(bytes));
      if ([...ch].length === 1 && ch !== '\ufffd' && !t!.has(ch)) t!.set(ch, bytes);
    } catch {
      // not a character of this encoding
    }
  };
  // Windows-1252's 0x80–0x9F written out: Node decodes the label as Latin-1 there.
  if (label === 'windows-1252') for (const [ch, b] of Object.entries(CP1252_HIGH)) t.set(ch, [b]);
  for (let b = 0; b < 256; b++) tryBytes([b]);
  if (label !== 'windows-1252') for (let lead = 0x81; lead <= 0xfe; lead++) for (let trail = 0x40; trail <= 0xfe; trail++) tryBytes([lead, trail]);
  tables.set(label, t);
  return t;
}

/** `text` in the encoding; throws on a character it cannot hold. */
export function encode(text: string, label: 'gbk' | 'big5' | 'windows-1252'): Uint8Array {
  const t = table(label);
  const out: number[] = [];
  for (const ch of text) {
    const b = t.get(ch);
    if (!b) throw new Error(`${label} cannot hold ${ch}`);
    out.push(...b);
  }
  return new Uint8Array(out);
}

/** Latin-1 (ISO-8859-1): one byte per character up to U+00FF. */
export function latin1(text: string): Uint8Array {
  return new Uint8Array([...text].map((c) => {
    const code = c.charCodeAt(0);
    if (code > 0xff) throw new Error(`latin-1 cannot hold ${c}`);
    return code;
  }));
}
