import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hash53 } from '@/lib/shared/import/hash';

describe('hash53', () => {
  it('hashes parts as the text they make joined with U+0000, so keys stored by earlier imports still match', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 6 }), (parts) => {
        expect(hash53(parts)).toBe(hash53(parts.join('\u0000')));
      }),
    );
    // A key as imports before session 16 stored it (date, kind, direction, seller, subject).
    expect(hash53('1737417600000\u0000email\u0000outbound\u0000\u0000Subject 1')).toBe('2d2zgszu7tx');
  });
});
