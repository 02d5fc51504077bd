import { describe, expect, expectTypeOf, it } from 'vitest';
import { BACKUP_STORES, type BackupData, toBackupJson } from '@/lib/shared/export';
import { parseBackup } from '@/lib/shared/import';
import { type DataSet, DataSet as DataSetSchema } from '@/lib/messaging/protocol';
import { fixtureText } from './helpers';

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('parseBackup', () => {
  it('restores a backup file exactly', () => {
    const text = fixtureText('backup.json');
    const restored = parseBackup(text);
    expect(restored.errors).toEqual([]);
    expect(restored.data).toEqual(JSON.parse(text).data);
    expect(restored.exportedAt).toBe(1767690000000);
    expect(restored.counts).toEqual({ records: 8, restored: 8, skipped: 0 });
  });

  it('keeps the good records and reports each bad one at the line it starts on', () => {
    const text = fixtureText('backup-with-bad-records.json');
    const restored = parseBackup(text);
    // A record starts on the line before its "id".
    const at = (id: string) => lineOf(text, `"id": "${id}"`) - 1;
    expect(restored.errors.map((e) => [e.line, e.code])).toEqual([
      [at('contact-bad-email'), 'invalid-record'],
      [at('contact-twin'), 'duplicate-record'],
      [at('touch-bad-kind'), 'invalid-record'],
      [at('purchase-negative'), 'invalid-record'],
      [lineOf(text, '"amount": 10,') - 3, 'duplicate-record'],
    ]);
    expect(restored.errors[0]?.reason).toBe('contact contact-bad-email: emails.0: not a valid e-mail address');
    expect(restored.errors[1]?.reason).toBe(
      'contact contact-twin: email jane@acme.example is already on contact contact-jane',
    );
    expect(restored.errors[3]?.reason).toBe('purchase purchase-negative: amount: amount must not be negative');
    expect(restored.data).toEqual(parseBackup(fixtureText('backup.json')).data);
    expect(restored.counts).toEqual({ records: 13, restored: 8, skipped: 5 });
  });

  it('reports a second live follow-up for a contact even when it lacks liveFor, as the store would refuse it', () => {
    const base = { contactId: 'c1', due: '2026-01-12', kind: 'check-in', reason: { code: 'cadence', params: {} } };
    const data = {
      followUps: [
        { id: 'f1', ...base, state: 'open', liveFor: 'c1', createdAt: 1 },
        { id: 'f2', ...base, state: 'snoozed', createdAt: 2 },
        { id: 'f3', ...base, state: 'done', createdAt: 3, closedAt: 4 },
      ],
    };
    const restored = parseBackup(JSON.stringify(data, null, 2));
    expect(restored.errors.map((e) => e.code)).toEqual(['duplicate-record']);
    expect(restored.errors[0]?.reason).toMatch(
      /^follow-up f2: live follow-up for contact c1 is already on follow-up f1/,
    );
    expect(restored.data.followUps.map((f) => f.id)).toEqual(['f1', 'f3']);
  });

  it('accepts the bare data set the store exports', () => {
    const data = JSON.parse(fixtureText('backup.json')).data;
    expect(parseBackup(JSON.stringify(data)).data).toEqual(data);
  });

  it('refuses what is not a backup, or one from a newer version, as a whole', () => {
    expect(parseBackup('{"format":"rapport-backup","version":2,"data":{}}').errors[0]?.reason).toMatch(/newer Rapport/);
    expect(parseBackup('{"format":"something-else","version":1,"data":{}}').errors[0]?.code).toBe('not-a-backup');
    expect(parseBackup('[1,2]').errors[0]?.code).toBe('not-a-backup');
    const broken = parseBackup('{\n  "format": "rapport-backup",\n  "version": 1,,\n}');
    expect(broken.errors).toMatchObject([{ line: 3, code: 'not-a-backup' }]);
    expect(broken.data.contacts).toEqual([]);
  });

  it('writes and reads the stores of the protocol’s DataSet, no more and no fewer', () => {
    expect([...BACKUP_STORES].sort()).toEqual(Object.keys(DataSetSchema.shape).sort());
    expectTypeOf<BackupData>().toEqualTypeOf<DataSet>();
    const empty = DataSetSchema.parse({});
    expect(parseBackup(toBackupJson(empty, 0)).data).toEqual(empty);
  });
});
