/**
 * A 53-bit string hash (cyrb53, public domain), for de-duplication keys only: imported
 * activities without an id of their own are known by a hash of what they say, so importing
 * the same file twice finds the same keys. Not for anything secret.
 */
export function hash53(text: string | readonly string[]): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  // Parts hash as if joined with U+0000 between them, without making the joined string: an
  // import hashes every activity row that has no id of its own (100,000 in the bench's file).
  const parts = typeof text === 'string' ? [text] : text;
  for (let p = 0; p < parts.length; p++) {
    const part = parts[p] ?? '';
    if (p > 0) {
      h1 = Math.imul(h1, 2654435761);
      h2 = Math.imul(h2, 1597334677);
    }
    for (let i = 0; i < part.length; i++) {
      const ch = part.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
