import { describe, expect, it } from 'vitest';
import { FIELD_WORDS } from '@/components/common/words';
import { ACTIVITY_FIELDS, CONTACT_FIELDS, PURCHASE_FIELDS } from '@/lib/shared/import/fields';

describe('the mapping step names every field in words', () => {
  it.each([...new Set([...CONTACT_FIELDS, ...ACTIVITY_FIELDS, ...PURCHASE_FIELDS])])('%s', (field) => {
    expect(FIELD_WORDS[field]).toMatch(/^[A-Z]/);
  });
});
