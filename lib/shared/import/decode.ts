/**
 * Turns a file's bytes into text. CRM and spreadsheet exports come as UTF-8 (with or without
 * a byte-order mark), as Windows-1252 from older Excel and Salesforce on Windows, and now and
 * then as UTF-16 from Excel's "Unicode text". The BOM, when there is one, says which.
 * Without one, UTF-8 is tried strictly: text in Windows-1252 with any accented letter is
 * almost never valid UTF-8, so a failed strict decode is a reliable sign of the older code page.
 */
export function decodeFile(bytes: Uint8Array): string {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (a === 0xff && b === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (a === 0xfe && b === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    // ignoreBOM keeps the decoder from eating a second mark; there was none at the start.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

// Bytes 0x80–0x9F of Windows-1252 (the euro sign, curly quotes, dashes, Š, Ÿ…); the five
// unassigned ones stay as they are. Browsers decode these themselves, but Node's decoder
// treats the label as ISO-8859-1 and gives control characters, so they are mapped here.
const C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252')
    .decode(bytes)
    .replace(/[\u0080-\u009f]/g, (c) => C1[c.charCodeAt(0) - 0x80] ?? c);
}

/** Text handed over as a string may still begin with the mark (a pasted file, a test). */
export const stripBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
