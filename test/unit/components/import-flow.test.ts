import { describe, expect, it } from 'vitest';
import { runImport } from '@/components/importing/flow';
import type { Requester } from '@/lib/messaging/client';
import { guessMapping, openCsv } from '@/lib/shared/import';

const CSV = 'Email,First Name,Last Name,Company\njane@acme.example,Jane,Doe,Acme\nnot-an-email,Bad,Row,Acme\n';

/** A background that answers the import's requests and remembers the order they came in. */
function fakeBackground() {
  const calls: string[] = [];
  const request = (async (type: string, payload: unknown) => {
    calls.push(type);
    if (type === 'import.basis')
      return { ok: true, data: { sellers: [], accounts: [], contacts: [], purchases: [], importedTouches: [] } };
    if (type === 'settings.get') return { ok: true, data: { me: { emails: [] }, internalDomains: [] } };
    if (type === 'data.put')
      return { ok: true, data: { stored: (payload as { contacts: unknown[] }).contacts.length } };
    return { ok: true, data: {} };
  }) as unknown as Requester;
  return { calls, request };
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
    expect(events.at(-1)).not.toContain('data.put');
    expect(calls).toContain('data.put');
    expect(report).toMatchObject({ imported: 1, skipped: 1, errors: [{ line: 3 }] });
  });
});
