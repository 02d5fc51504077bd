import { describe, expect, it } from 'vitest';
import { readEverything, settle, writeInParts } from '@/components/importing/transfer';
import { PART } from '@/lib/messaging/protocol';
import type { Requester } from '@/lib/messaging/client';

const records = (n: number, prefix: string) =>
  Array.from({ length: n }, (_, i) => ({ id: `${prefix}${String(i).padStart(6, '0')}`, contactId: `c${i % 3}` }));

describe('records move in parts, never one message for everything', () => {
  it('readEverything follows each store part by part', async () => {
    const touches = records(PART * 2 + 1, 't');
    const asked: string[] = [];
    const request = (async (_type: string, payload: { store: string; after?: string; limit: number }) => {
      asked.push(`${payload.store}:${payload.after ?? ''}`);
      const all = payload.store === 'touches' ? touches : [];
      const from = payload.after ? all.findIndex((r) => r.id === payload.after) + 1 : 0;
      const part = all.slice(from, from + payload.limit);
      const next = part.length === payload.limit ? part.at(-1)?.id : undefined;
      return {
        ok: true,
        data: {
          data: {
            sellers: [],
            accounts: [],
            contacts: [],
            touches: [],
            purchases: [],
            followUps: [],
            [payload.store]: part,
          },
          invalid: payload.store === 'touches' ? 1 : 0,
          ...(next ? { next } : {}),
        },
      };
    }) as unknown as Requester;
    const { data, invalid } = await readEverything(request);
    expect(invalid).toBe(3);
    expect(data.touches.map((t) => t.id)).toEqual(touches.map((t) => t.id));
    expect(asked.filter((a) => a.startsWith('touches')).length).toBe(3);
  });

  it('writeInParts sends at most PART records a message; settle names each contact once, and the blank ones', async () => {
    const sent: { type: string; size: number; ids?: string[]; blank?: string[] }[] = [];
    const request = (async (
      type: string,
      payload: Record<string, unknown[]> & { contactIds?: string[]; blank?: string[] },
    ) => {
      const { blank, contactIds, ...records } = payload;
      sent.push({
        type,
        size: contactIds ? contactIds.length : Object.values(records).flat().length,
        ...(contactIds ? { ids: contactIds } : {}),
        ...(blank ? { blank } : {}),
      });
      return { ok: true, data: {} };
    }) as unknown as Requester;
    const data = { touches: records(PART + 10, 't') as never, contacts: [{ id: 'c9' }] as never };
    await writeInParts(data, request);
    // c9 was created and no touch names it: nothing to read for it. c1 was created and has
    // touches; c7 has touches stored earlier, while the file was read.
    await settle(data, request, { created: [{ id: 'c9' }, { id: 'c1' }], touched: new Set(['c7']) });
    expect(sent.at(-1)?.blank).toEqual(['c9']);
    expect(sent.map((s) => [s.type, s.size])).toEqual([
      ['import.write', 1],
      ['import.write', PART],
      ['import.write', 10],
      ['import.settle', 5],
    ]);
    expect(sent.at(-1)?.ids?.sort()).toEqual(['c0', 'c1', 'c2', 'c7', 'c9']);
  });
});
