import { describe, expect, it } from 'vitest';
import { runImport } from '@/components/importing/flow';
import type { Requester } from '@/lib/messaging/client';
import { guessMapping, openCsv } from '@/lib/shared/import';

const CSV = 'Email,First Name,Last Name,Company\njane@acme.example,Jane,Doe,Acme\nnot-an-email,Bad,Row,Acme\n';

/** A background that answers the import's requests and remembers the order they came in. */
function fakeBackground(failOnWrite?: number) {
  const calls: string[] = [];
  const writes: number[] = [];
  const deleted: string[] = [];
  const request = (async (type: string, payload: unknown) => {
    calls.push(type);
    if (type === 'data.delete') deleted.push(...((payload as { touches?: string[] }).touches ?? []));
    if (type === 'import.basis')
      return { ok: true, data: { sellers: [], accounts: [], contacts: [], purchases: [], importedTouches: [] } };
    if (type === 'settings.get') return { ok: true, data: { me: { emails: [] }, internalDomains: [] } };
    if (type === 'import.write') {
      writes.push(Object.values(payload as Record<string, unknown[]>).flat().length);
      if (writes.length === failOnWrite) return { ok: false, error: { code: 'failed', message: 'the disk is full' } };
    }
    return { ok: true, data: {} };
  }) as unknown as Requester;
  return { calls, writes, deleted, request };
}

describe('runImport', () => {
  it('says when reading is over and storing starts, then reports every row', async () => {
    const { calls, request } = fakeBackground();
    const reader = openCsv(CSV);
    const mapping = guessMapping(reader.headers, { sampleRows: reader.sample(50), delimiter: reader.delimiter });
    const events: string[] = [];
    const report = await runImport({ kind: 'csv', name: 'contacts.csv', reader, mapping }, request, {
      onProgress: () => events.push('progress'),
      onSaving: (rows) => events.push(`saving ${rows}`, `calls so far: ${calls.join(',')}`),
    });
    expect(events.at(-2)).toBe('saving 2');
    expect(events.at(-1)).not.toContain('import.write');
    expect(calls.slice(-2)).toEqual(['import.write', 'import.settle']);
    expect(report).toMatchObject({ imported: 1, skipped: 1, errors: [{ line: 3 }] });
  });

  it('stores a large file in parts, and takes the stored parts back when one fails', async () => {
    const rows = Array.from({ length: 12_000 }, (_, i) => `p${i}@acme.example,P,${i},Acme`);
    const csv = `Email,First Name,Last Name,Company\n${rows.join('\n')}\n`;
    const source = () => {
      const reader = openCsv(csv);
      const mapping = guessMapping(reader.headers, { sampleRows: reader.sample(50), delimiter: reader.delimiter });
      return { kind: 'csv' as const, name: 'big.csv', reader, mapping };
    };
    const ok = fakeBackground();
    await runImport(source(), ok.request);
    // One account, then 12,000 contacts in parts of 5,000.
    expect(ok.writes).toEqual([1, 5000, 5000, 2000]);

    const failing = fakeBackground(3);
    await expect(runImport(source(), failing.request)).rejects.toThrow('the disk is full');
    expect(failing.calls).toContain('data.delete');
    expect(failing.calls).not.toContain('import.settle');
  });

  it('stores activities while the file is read, and takes them back when the seller cancels', async () => {
    const rows = Array.from(
      { length: 12_000 },
      (_, i) => `2025-03-${String(1 + (i % 28)).padStart(2, '0')},Email,Inbound,p${i % 50}@acme.example,Subject ${i}`,
    );
    const csv = `Activity date,Activity type,Direction,Contact email,Subject\n${rows.join('\n')}\n`;
    const source = () => {
      const reader = openCsv(csv);
      const mapping = guessMapping(reader.headers, { sampleRows: reader.sample(50), delimiter: reader.delimiter });
      return { kind: 'csv' as const, name: 'activities.csv', reader, mapping };
    };
    const done = fakeBackground();
    let savingAfterWrites = -1;
    const report = await runImport(source(), done.request, {
      onSaving: () => {
        savingAfterWrites = done.writes.length;
      },
    });
    // Two parts of touches went before reading ended; the rest with the contacts at the end.
    expect(savingAfterWrites).toBeGreaterThanOrEqual(2);
    expect(done.writes.reduce((a, b) => a + b, 0)).toBe(12_000 + 50 + 1);
    if (report === 'cancelled') throw new Error('not cancelled');
    expect(report.undo?.created.touches).toHaveLength(12_000);

    const cancelled = fakeBackground();
    const stop = new AbortController();
    const outcome = await runImport(source(), cancelled.request, {
      signal: stop.signal,
      onProgress: () => {
        if (cancelled.writes.length > 0) stop.abort();
      },
    });
    expect(outcome).toBe('cancelled');
    expect(cancelled.deleted.length).toBeGreaterThanOrEqual(5_000);
    expect(cancelled.calls).not.toContain('import.settle');

    // A part refused while reading: the error comes through and what was stored goes back.
    const failing = fakeBackground(2);
    await expect(runImport(source(), failing.request)).rejects.toThrow('the disk is full');
    expect(failing.deleted.length).toBeGreaterThanOrEqual(10_000);
    expect(failing.calls).not.toContain('import.settle');
  });
});
