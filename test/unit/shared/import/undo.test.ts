import { describe, expect, it } from 'vitest';
import {
  claimSeller,
  createPlanner,
  mapRow,
  openCsv,
  guessMapping,
  parseVCards,
  revertMerge,
  undoRecord,
  type ImportPlanner,
} from '@/lib/shared/import';
import { account, contact } from '../../../helpers/records';
import { fixtureText, ME_SETTINGS, NOW, sequentialIds } from './helpers';
import { MemoryStore } from './memory-store';

/** Plans every row of a file, with the guessed mapping, as the dashboard reads it. */
function planAll(planner: ImportPlanner, fixture: string): void {
  if (fixture.endsWith('.vcf')) {
    planner.add(parseVCards(fixtureText(fixture)));
    return;
  }
  const reader = openCsv(fixtureText(fixture));
  const mapping = guessMapping(reader.headers, { sampleRows: reader.sample(20), delimiter: reader.delimiter });
  while (!reader.done) reader.each(1000, (row) => planner.addRow(mapRow(row, mapping)));
}

function plan(store: MemoryStore, fixture: string, importId: string) {
  const planner = createPlanner({
    importId,
    now: NOW,
    newId: sequentialIds(importId),
    existing: store.existing(),
    me: ME_SETTINGS,
  });
  planAll(planner, fixture);
  return planner.finish();
}

const withoutTimes = (store: MemoryStore) =>
  Object.fromEntries(
    Object.entries(store.lists()).map(([name, list]) => [
      name,
      list.map((r) => {
        const { updatedAt: _, ...rest } = r as { updatedAt?: number };
        return rest;
      }),
    ]),
  );

describe('applying plans', () => {
  it('imports every sample file into one store without ever making twins', () => {
    const store = new MemoryStore();
    const files = [
      'hubspot-contacts.csv',
      'salesforce-contacts.csv',
      'pipedrive-people.csv',
      'google-contacts.csv',
      'linkedin-Connections.csv',
      'contacts-v3.vcf',
      'contacts-v4.vcf',
      'activities.csv',
      'purchases.csv',
    ];
    for (const [i, file] of files.entries()) store.apply(plan(store, file, `import-${i}`));
    const janes = store.lists().contacts.filter((c) => c.name.startsWith('Jane'));
    expect(janes).toHaveLength(1);
    expect(janes[0]?.emails).toEqual([
      'jane.doe@acme.example',
      'jane@mail.acme.example',
      'jane@acme.example',
      'jane.private@gmail.com',
    ]);
    expect(janes[0]?.linkedinId).toBe('jane-doe-acme');
    const acme = store.lists().accounts.filter((a) => a.name.startsWith('Acme'));
    expect(acme).toHaveLength(1);
    expect(acme[0]?.products).toEqual(['Analytics Suite']);
  });

  it('refuses a plan when a merged record changed after the plan was made', () => {
    const store = new MemoryStore({ contacts: [contact({ id: 'c-1', emails: ['jane.doe@acme.example'] })] });
    const p = plan(store, 'hubspot-contacts.csv', 'imp');
    store.stores.contacts.set('c-1', {
      ...contact({ id: 'c-1', emails: ['jane.doe@acme.example'] }),
      updatedAt: NOW + 1,
    });
    expect(() => store.apply(p)).toThrow(/changed since/);
  });
});

describe('undo', () => {
  const seededStore = () =>
    new MemoryStore({
      contacts: [
        contact({
          id: 'c-jane',
          name: 'Jane Doe',
          emails: ['jane.doe@acme.example'],
          accountId: undefined,
          title: undefined,
          status: 'contact',
        }),
      ],
      accounts: [account({ id: 'acct-old', name: 'Old Co', domains: ['old.example'] })],
    });

  it('takes an import back out as one step', () => {
    const store = seededStore();
    const original = withoutTimes(store);
    const p = plan(store, 'hubspot-contacts.csv', 'imp');
    store.apply(p);
    expect(store.stores.contacts.get('c-jane')).toMatchObject({ status: 'customer', title: 'Head of Operations' });
    store.undo(undoRecord(p), NOW + 1000);
    expect(withoutTimes(store)).toEqual(original);
    expect(store.stores.contacts.get('c-jane')?.updatedAt).toBe(NOW + 1000);
  });

  it('survives the JSON a message or the store round-trips it through', () => {
    const store = seededStore();
    const original = withoutTimes(store);
    const p = plan(store, 'google-contacts.csv', 'imp');
    store.apply(p);
    store.undo(JSON.parse(JSON.stringify(undoRecord(p))), NOW);
    expect(withoutTimes(store)).toEqual(original);
  });

  it('leaves what the seller changed since', () => {
    const store = seededStore();
    const p = plan(store, 'hubspot-contacts.csv', 'imp');
    store.apply(p);
    const jane = store.stores.contacts.get('c-jane');
    if (!jane) throw new Error('missing');
    jane.emails.push('jane.new@acme.example');
    jane.title = 'COO';
    const [change] = p.merge.contacts;
    if (!change) throw new Error('no merge');
    const reverted = revertMerge(jane, change, NOW);
    expect(reverted.emails).toEqual(['jane.doe@acme.example', 'jane.new@acme.example']);
    expect(reverted.title).toBe('COO');
    expect(reverted.status).toBe('contact');
    expect(reverted.statusHistory).toEqual(contact().statusHistory);
  });
});

describe('claimSeller', () => {
  it('makes an owner’s touches and contacts the seller’s own, and remembers their name', () => {
    const store = new MemoryStore();
    const p = plan(store, 'activities.csv', 'imp');
    store.apply(p);
    const alex = p.create.sellers[0];
    if (!alex) throw new Error('no seller');
    const claim = claimSeller(alex, store.lists(), { ...ME_SETTINGS, crmOwnerName: '' }, NOW);
    expect(claim.touches.map((t) => [t.kind, t.sellerId])).toEqual([
      ['call', 'me'],
      ['note', 'me'],
    ]);
    expect(claim.contacts).toEqual([]);
    expect(claim.me).toEqual({ ...ME_SETTINGS, crmOwnerName: 'Alex Colleague' });
  });
});
