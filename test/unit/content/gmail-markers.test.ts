// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { createInboxMarkers } from '@/lib/content/gmail-markers';
import { type InboxRow, makeSelf } from '@/lib/content/sites/gmail';

const self = makeSelf({ emails: ['seller@ourco.example'], internalDomains: [] });

function row(...emails: string[]): InboxRow {
  return { element: document.createElement('tr'), senders: emails.map((email) => ({ email })), unread: false };
}

/** The markers of one inbox, with the rows the current frame read afresh set by the test. */
function setUp() {
  const lookups: string[][] = [];
  const request = vi.fn(async (_type: string, { emails }: { emails: string[] }) => {
    lookups.push([...emails].sort());
    return { ok: true as const, data: { markers: [] } };
  });
  let fresh = new Set<Element>();
  const markers = createInboxMarkers({
    request: request as never,
    wake: () => undefined,
    isFresh: (element) => fresh.has(element),
  });
  const frame = (list: InboxRow[], freshRows: InboxRow[]) => {
    fresh = new Set(freshRows.map((r) => r.element));
    markers.show(list, self, true);
  };
  return { lookups, frame, markers };
}

describe('inbox markers: who is looked up, frame by frame', () => {
  it('asks about the list once, then only when a row read afresh brings someone new, and after a reset', () => {
    const { lookups, frame, markers } = setUp();
    const ana = row('ana@client.example', 'seller@ourco.example');
    const bo = row('bo@client.example');
    frame([ana, bo], [ana, bo]);
    expect(lookups).toEqual([['ana@client.example', 'bo@client.example']]);

    // Nothing read afresh, or a changed row naming people asked about already: no new look-up.
    frame([ana, bo], []);
    const again = row('bo@client.example');
    frame([again, ana, bo], [again]);
    expect(lookups).toHaveLength(1);

    // A new row with someone new: the whole list is asked about (rows scrolled away drop out).
    const cy = row('cy@client.example');
    frame([cy, ana], [cy]);
    expect(lookups.at(-1)).toEqual(['ana@client.example', 'cy@client.example']);

    // After a reset (the seller tracked someone), the next frame asks again with nothing fresh.
    markers.reset();
    frame([cy, ana], []);
    expect(lookups).toHaveLength(3);
    expect(lookups.at(-1)).toEqual(['ana@client.example', 'cy@client.example']);
  });
});
