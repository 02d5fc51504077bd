import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BACKUP_FORMAT, BACKUP_VERSION, toBackupJson } from '@/lib/shared/export';
import { parseBackup } from '@/lib/shared/import';
import { account, contact, followUp, purchase, seller, touch } from '../../../helpers/records';
import { dataSet } from './arbitraries';

describe('toBackupJson', () => {
  const data = {
    sellers: [seller()],
    accounts: [account()],
    contacts: [contact()],
    touches: [touch()],
    purchases: [purchase()],
    followUps: [followUp()],
  };

  it('wraps the data in a stable, versioned envelope', () => {
    const parsed = JSON.parse(toBackupJson(data, 1234));
    expect(Object.keys(parsed)).toEqual(['format', 'version', 'exportedAt', 'data']);
    expect(parsed).toMatchObject({ format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: 1234 });
    expect(Object.keys(parsed.data)).toEqual(['sellers', 'accounts', 'contacts', 'touches', 'purchases', 'followUps']);
  });

  it('writes the same file for the same data', () => {
    expect(toBackupJson(data, 1)).toBe(toBackupJson(structuredClone(data), 1));
  });
});

describe('backup round trip', () => {
  it('any data set the store can hold → JSON → restore → the identical data set', () => {
    fc.assert(
      fc.property(dataSet, fc.nat(), (data, exportedAt) => {
        const restored = parseBackup(toBackupJson(data, exportedAt));
        expect(restored.errors).toEqual([]);
        expect(restored.data).toStrictEqual(data);
        expect(restored.exportedAt).toBe(exportedAt);
      }),
      { numRuns: 150 },
    );
  });
});
