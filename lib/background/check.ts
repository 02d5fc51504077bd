import type { IDBPDatabase } from 'idb';
import { RECORD_SCHEMAS } from '@/lib/shared/model';
import { readPart } from './data';
import { DATA_STORES, type RapportDB, type StoreName } from './db/schema';

/** What is wrong with a stored record by today's schema, or undefined when nothing is. */
export function problemOf(store: StoreName, record: unknown): string | undefined {
  const checked = RECORD_SCHEMAS[store].safeParse(record);
  if (checked.success) return undefined;
  return checked.error.issues
    .slice(0, 3)
    .map((issue) => (issue.path.length ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

export const MAX_LISTED = 200;

/**
 * Every record of every store checked against today's schema, a part at a time: the records a
 * seller should see named in the overview (the first `MAX_LISTED`), and how many there are.
 */
export async function checkStore(
  db: IDBPDatabase<RapportDB>,
): Promise<{ problems: { store: StoreName; id: string; problem: string }[]; total: number }> {
  const problems: { store: StoreName; id: string; problem: string }[] = [];
  let total = 0;
  for (const store of DATA_STORES) {
    let after: string | undefined;
    for (;;) {
      const { records, next } = await readPart(db, store, after, 5_000);
      for (const record of records) {
        const problem = problemOf(store, record);
        if (!problem) continue;
        total++;
        if (problems.length < MAX_LISTED) problems.push({ store, id: String(record.id), problem });
      }
      if (!next) break;
      after = next;
    }
  }
  return { problems, total };
}
