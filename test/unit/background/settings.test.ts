import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openStore } from '@/lib/background/db/open';
import { addToSettingsList, getSettings, proposeAccountDomain, updateSettings } from '@/lib/background/settings';
import { DEFAULT_SETTINGS, SETTINGS_LIMITS, SettingsPatch } from '@/lib/shared/model';

let n = 0;

describe('settings', () => {
  it('features get the defaults before onboarding', async () => {
    const db = await openStore({ name: `settings-${++n}` });
    expect(await getSettings(db)).toEqual(DEFAULT_SETTINGS);
  });

  it('a patch changes what it names and nothing else', async () => {
    const patch = fc.record(
      {
        inboxMarkers: fc.boolean(),
        digestTime: fc.constantFrom('07:00', '12:30', '23:59'),
        me: fc.record({ name: fc.string({ maxLength: 20 }) }, { requiredKeys: [] }),
        cadence: fc.record({ low: fc.constant({ idealDays: 90, maxDays: 180 }) }, { requiredKeys: [] }),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(patch, async (raw) => {
        const db = await openStore({ name: `settings-${++n}` });
        const parsed = SettingsPatch.parse(raw);
        const next = await updateSettings(db, parsed);
        expect(next.inboxMarkers).toBe(parsed.inboxMarkers ?? DEFAULT_SETTINGS.inboxMarkers);
        expect(next.digestTime).toBe(parsed.digestTime ?? DEFAULT_SETTINGS.digestTime);
        expect(next.me).toEqual({ ...DEFAULT_SETTINGS.me, ...parsed.me });
        expect(next.cadence.high).toEqual(DEFAULT_SETTINGS.cadence.high);
        expect(next.cadence.low).toEqual(parsed.cadence?.low ?? DEFAULT_SETTINGS.cadence.low);
        expect(await getSettings(db)).toEqual(next);
        db.close();
      }),
      { numRuns: 30 },
    );
  });
});

describe('colleagues without settings: the Gmail account’s company domain', () => {
  it.each([
    { account: 'sam@ourco.example', proposed: ['ourco.example'] },
    { account: 'sam@mail.initech.co.uk', proposed: ['initech.co.uk'] },
    { account: 'someone@gmail.com', proposed: [] },
    { account: 'someone@outlook.com', proposed: [] },
    { account: 'someone@yahoo.co.uk', proposed: [] },
  ])('$account proposes $proposed', async ({ account, proposed }) => {
    const db = await openStore({ name: `settings-${++n}` });
    const settings = await proposeAccountDomain(db, account);
    expect(settings.internalDomains).toEqual(proposed);
    expect(settings.proposedInternalDomains).toEqual(proposed);
  });

  it('a proposal the seller removed is not proposed again; their own domains stay theirs', async () => {
    const db = await openStore({ name: `settings-${++n}` });
    await updateSettings(db, { internalDomains: ['ourgroup.example'] });
    await proposeAccountDomain(db, 'sam@ourco.example');
    expect((await getSettings(db)).internalDomains).toEqual(['ourgroup.example', 'ourco.example']);
    await updateSettings(db, { internalDomains: ['ourgroup.example'] });
    const after = await proposeAccountDomain(db, 'sam@ourco.example');
    expect(after.internalDomains).toEqual(['ourgroup.example']);
    expect(after.declinedInternalDomains).toEqual(['ourco.example']);
    expect(after.proposedInternalDomains).toEqual([]);
  });
});

describe('lists kept in the settings: read and written in one transaction, bounded', () => {
  it('two tabs ignoring different addresses at once both keep theirs', async () => {
    const db = await openStore({ name: `settings-${++n}` });
    const emails = Array.from({ length: 12 }, (_, i) => `n${i}@news.example`);
    await Promise.all(emails.map((email) => addToSettingsList(db, 'ignoredAddresses', email)));
    expect((await getSettings(db)).ignoredAddresses.sort()).toEqual([...emails].sort());
  });

  it('two Gmail accounts confirmed at once are both confirmed, and a domain is proposed once', async () => {
    const db = await openStore({ name: `settings-${++n}` });
    await Promise.all([
      addToSettingsList(db, 'confirmedAccounts', 'me@ourco.example'),
      addToSettingsList(db, 'confirmedAccounts', 'me2@ourco.example'),
      proposeAccountDomain(db, 'me@ourco.example'),
      proposeAccountDomain(db, 'me2@ourco.example'),
    ]);
    const settings = await getSettings(db);
    expect(settings.confirmedAccounts.sort()).toEqual(['me2@ourco.example', 'me@ourco.example']);
    expect(settings.internalDomains).toEqual(['ourco.example']);
  });

  it('a list at its limit refuses one more with the limit named, and keeps what it had', async () => {
    const db = await openStore({ name: `settings-${++n}` });
    const full = Array.from({ length: SETTINGS_LIMITS.confirmedAccounts }, (_, i) => `a${i}@ourco.example`);
    await updateSettings(db, { confirmedAccounts: full });
    await expect(addToSettingsList(db, 'confirmedAccounts', 'one-more@ourco.example')).rejects.toThrow(/at most 50/);
    expect((await getSettings(db)).confirmedAccounts).toEqual(full);
    expect(SettingsPatch.safeParse({ confirmedAccounts: [...full, 'x@ourco.example'] }).success).toBe(false);
  });
});
