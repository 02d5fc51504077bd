import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { RequestOf, RequestType, ResponseOf } from '@/lib/messaging/protocol';
// @ts-expect-error: a plain Node module without types (test/tools/sync-server.mjs)
import { startSyncServer } from '../../tools/sync-server.mjs';
import { launch, requestFrom } from '../../e2e/launch';
import { BUDGETS } from '../budgets';
import { type Scenario, verdict } from '../types';

/**
 * Team sync of the whole bench store: the seller's browser sends it to a CouchDB-compatible
 * server on loopback (test/tools/sync-server.mjs), then a second browser profile, empty, joins
 * the team and receives it. Timed: join → the second store holds every shared record (the
 * issue's figure), and the first upload beside it.
 */
export const sync: Scenario = {
  name: 'sync',
  async run(bench) {
    const server = (await startSyncServer()) as { url: string; stop: () => Promise<void> };
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rapport-bench-team-'));
    const second = await launch(dir);
    try {
      const page = await second.context.newPage();
      await page.goto(`chrome-extension://${second.extensionId}/options.html#settings`);
      const send =
        (on: Page) =>
        async <T extends RequestType>(type: T, payload: RequestOf<T>) => {
          const result = await requestFrom(on, type, payload);
          if (!result.ok) throw new Error(`${type}: ${result.error.message}`);
          return result.data as ResponseOf<T>;
        };
      const [a, b] = [send(bench.control), send(page)];
      await b('settings.update', { me: { name: 'Second Seller', emails: ['second@ourco.example'] } });
      const team = { url: server.url, database: 'team', user: 'bench', password: 'bench' };

      const up = Date.now();
      await a('team.save', team);
      const sent = await a('team.sync', {});
      const upMs = Date.now() - up;
      if (!sent.ok) throw new Error(`the upload failed: ${sent.error}`);

      const down = Date.now();
      await b('team.save', team);
      const received = await b('team.sync', {});
      const downMs = Date.now() - down;
      if (!received.ok) throw new Error(`the download failed: ${received.error}`);
      const counts = async (ask: typeof a) => {
        const { contacts, touches, accounts, purchases, sellers } = await ask('data.counts', {});
        return { contacts, touches, accounts, purchases, sellers };
      };
      const [mine, theirs] = [await counts(a), await counts(b)];
      const complete =
        theirs.contacts === mine.contacts &&
        theirs.touches === mine.touches &&
        theirs.accounts === mine.accounts &&
        theirs.purchases === mine.purchases;
      return [
        {
          scenario: 'sync, first replication to an empty profile',
          status: verdict(complete, downMs <= BUDGETS.sync.maxMs),
          runs: 1,
          median: downMs,
          p95: downMs,
          budget: `≤ ${BUDGETS.sync.maxMs} ms, every shared record received`,
          note: `${theirs.contacts.toLocaleString('en')} contacts, ${theirs.touches.toLocaleString('en')} touches, ${theirs.accounts.toLocaleString('en')} accounts, ${theirs.purchases.toLocaleString('en')} purchases received (sent: ${JSON.stringify(mine)}); the upload before it took ${(upMs / 1000).toFixed(1)} s${complete ? '' : '; NOT every record arrived'}`,
        },
      ];
    } finally {
      await second.context.close();
      rmSync(dir, { recursive: true, force: true });
      await server.stop();
    }
  },
};
