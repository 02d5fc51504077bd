import {
  BACKUP_FORMAT,
  BACKUP_SCHEMAS,
  BACKUP_STORES,
  BACKUP_VERSION,
  type BackupData,
  type BackupStore,
} from '@/lib/shared/export/backup';
import { emptyDataSet, withContactKeys } from '@/lib/shared/model';
import { stripBom } from './decode';
import type { RowError } from './drafts';
import { arrayElementLines } from './json-lines';

export interface BackupRestore {
  /** The good records, ready for the store; a bad one is left out and reported. */
  data: BackupData;
  errors: RowError[];
  counts: { records: number; restored: number; skipped: number };
  exportedAt?: number;
}

const RECORD_NAME: Record<BackupStore, string> = {
  sellers: 'seller',
  accounts: 'account',
  contacts: 'contact',
  touches: 'touch',
  purchases: 'purchase',
  followUps: 'follow-up',
};

/**
 * Unique keys the store enforces (an e-mail belongs to one contact, a source id is stored once
 * per contact, one live follow-up per contact): a second record with the same key would make
 * the whole restore fail in the store, so it is reported here instead.
 */
const UNIQUE_KEYS: Partial<Record<BackupStore, (record: never) => string[]>> = {
  contacts: (c: BackupData['contacts'][number]) => [
    ...c.emails.map((e) => `email ${e}`),
    ...(c.linkedinId ? [`LinkedIn id ${c.linkedinId}`] : []),
  ],
  touches: (t: BackupData['touches'][number]) =>
    t.sourceId ? [`source ${t.sourceId} for contact ${t.contactId}`] : [],
  // Keyed as the store will keep it: a live follow-up under its contact, `liveFor` or not.
  followUps: (f: BackupData['followUps'][number]) => {
    const { liveFor } = withContactKeys(f);
    return liveFor ? [`live follow-up for contact ${liveFor}`] : [];
  },
};

/**
 * Reads a backup (`toBackupJson`'s envelope, or the bare data set `data.export` returns):
 * every record is checked against the model's schema; good ones are kept exactly, bad ones
 * are reported with the line they start on.
 */
export function parseBackup(input: string): BackupRestore {
  const text = stripBom(input);
  const fatal = (line: number, reason: string): BackupRestore => ({
    data: emptyDataSet(),
    errors: [{ line, code: 'not-a-backup', reason }],
    counts: { records: 0, restored: 0, skipped: 0 },
  });
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return fatal(syntaxErrorLine(text, message), `not valid JSON: ${message}`);
  }
  if (!isObject(parsed)) return fatal(1, 'not a Rapport backup');
  const enveloped = 'format' in parsed || 'data' in parsed;
  if (enveloped) {
    if (parsed.format !== BACKUP_FORMAT) return fatal(1, 'not a Rapport backup');
    if (typeof parsed.version !== 'number' || parsed.version > BACKUP_VERSION) {
      return fatal(1, `made by a newer Rapport (backup version ${String(parsed.version)}); update Rapport first`);
    }
  }
  const source = enveloped ? parsed.data : parsed;
  if (!isObject(source) || !BACKUP_STORES.some((s) => s in source)) return fatal(1, 'not a Rapport backup');

  let lines: Map<string, number[]> | undefined;
  const lineOf = (store: BackupStore, index: number) => {
    lines ??= arrayElementLines(text);
    return lines.get(enveloped ? `data.${store}` : store)?.[index] ?? 1;
  };
  const data = emptyDataSet();
  const errors: RowError[] = [];
  let records = 0;
  for (const store of BACKUP_STORES) {
    const list = source[store] ?? [];
    if (!Array.isArray(list)) {
      errors.push({ line: 1, code: 'invalid-record', reason: `${store} is not a list` });
      continue;
    }
    records += list.length;
    restoreStore(store, list, data, (index, code, reason) => errors.push({ line: lineOf(store, index), code, reason }));
  }
  const restored = BACKUP_STORES.reduce((n, s) => n + data[s].length, 0);
  return {
    data,
    errors: errors.sort((a, b) => a.line - b.line),
    counts: { records, restored, skipped: records - restored },
    ...(enveloped && typeof parsed.exportedAt === 'number' ? { exportedAt: parsed.exportedAt } : {}),
  };
}

function restoreStore(
  store: BackupStore,
  list: unknown[],
  data: BackupData,
  report: (index: number, code: RowError['code'], reason: string) => void,
): void {
  const schema = BACKUP_SCHEMAS[store];
  const ids = new Set<string>();
  const keys = new Map<string, string>();
  const uniqueKeys = UNIQUE_KEYS[store] as ((record: unknown) => string[]) | undefined;
  for (const [index, raw] of list.entries()) {
    const idText = isObject(raw) && typeof raw.id === 'string' ? ` ${raw.id}` : '';
    const what = `${RECORD_NAME[store]}${idText}`;
    const result = schema.safeParse(raw);
    if (!result.success) {
      const issue = result.error.issues[0];
      const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
      report(index, 'invalid-record', `${what}: ${where}${issue?.message ?? 'invalid'}`);
      continue;
    }
    const record = result.data;
    if (ids.has(record.id)) {
      report(index, 'duplicate-record', `${what} appears twice`);
      continue;
    }
    const clash = (uniqueKeys?.(record) ?? []).find((key) => keys.has(key));
    if (clash) {
      report(index, 'duplicate-record', `${what}: ${clash} is already on ${keys.get(clash)}`);
      continue;
    }
    ids.add(record.id);
    for (const key of uniqueKeys?.(record) ?? []) keys.set(key, `${RECORD_NAME[store]} ${record.id}`);
    (data[store] as unknown[]).push(record);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** V8 says "(line 3 column 5)" or "at position 42"; either gives the line. */
function syntaxErrorLine(text: string, message: string): number {
  const line = /line (\d+)/.exec(message)?.[1];
  if (line) return Number(line);
  const position = /position (\d+)/.exec(message)?.[1];
  if (!position) return 1;
  return text.slice(0, Number(position)).split('\n').length;
}
