/**
 * A data file's fingerprint: its length and a 64-bit hash of its bytes. The build records one
 * per file it rendered the first paint from; public/preload-data.js computes the same on the
 * files the server sends and shows that first paint only if every one agrees (keep the two in
 * step: tests/first-paint.test.ts runs both on the same bytes). It tells a replaced file from
 * the one the build saw, cheaply (a few milliseconds for the published data on a slow phone);
 * it is no defence against tampering, which anyone who can replace data/ could do to
 * index.html as well.
 */

/**
 * Length, then two 32-bit lanes over the bytes four at a time (little-endian words; the last
 * one to three bytes one by one), multiply–xor as in cyrb53, mixed into 64 bits. Each step is
 * invertible for a given word, so two files that differ in a single byte (one word) never share
 * a fingerprint. Four bytes a step: a quarter of the multiplications on a slow phone's first paint.
 */
export function fingerprint(bytes: Uint8Array): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  const n = bytes.length;
  const whole = n - (n % 4);
  let i = 0;
  for (; i < whole; i += 4) {
    const w = bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24);
    h1 = Math.imul(h1 ^ w, 2654435761);
    h2 = Math.imul(h2 ^ w, 1597334677);
  }
  for (; i < n; i++) {
    const b = bytes[i]!;
    h1 = Math.imul(h1 ^ b, 2654435761);
    h2 = Math.imul(h2 ^ b, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const hex = (h: number) => (h >>> 0).toString(16).padStart(8, '0');
  return `${bytes.length}-${hex(h2)}${hex(h1)}`;
}
