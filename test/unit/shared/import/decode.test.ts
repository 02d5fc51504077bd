import { describe, expect, it } from 'vitest';
import { decodeFile } from '@/lib/shared/import';
import { fixtureBytes } from './helpers';

const bytes = (...values: number[]) => new Uint8Array(values);

describe('decodeFile', () => {
  it('strips a UTF-8 byte-order mark', () => {
    expect(decodeFile(bytes(0xef, 0xbb, 0xbf, 0x41, 0xc3, 0xa9))).toBe('Aé');
    expect(decodeFile(fixtureBytes('utf8-bom.csv')).startsWith('First Name')).toBe(true);
  });

  it('reads UTF-8 without a mark', () => {
    expect(decodeFile(new TextEncoder().encode('Zoë ✓ 日本'))).toBe('Zoë ✓ 日本');
  });

  it('falls back to Windows-1252 when the bytes are not UTF-8, including 0x80–0x9F', () => {
    // "é ü – € “x”" in Windows-1252
    expect(decodeFile(bytes(0xe9, 0x20, 0xfc, 0x20, 0x96, 0x20, 0x80, 0x20, 0x93, 0x78, 0x94))).toBe('é ü – € “x”');
    expect(decodeFile(fixtureBytes('windows-1252.csv'))).toContain('René,Dürr');
  });

  it('reads UTF-16 with its mark (Excel’s “Unicode text”)', () => {
    expect(decodeFile(bytes(0xff, 0xfe, 0x41, 0x00, 0xe9, 0x00))).toBe('Aé');
    expect(decodeFile(bytes(0xfe, 0xff, 0x00, 0x41, 0x00, 0xe9))).toBe('Aé');
  });

  it('gives an empty string for an empty file', () => {
    expect(decodeFile(bytes())).toBe('');
  });
});
