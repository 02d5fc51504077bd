import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ScenarioResult } from './types';

const fmt = (n: number | undefined) => (n === undefined ? '—' : n < 10 ? n.toFixed(2) : n.toFixed(1));

/** The table a person reads: one line per scenario, notes underneath. */
export function printTable(results: ScenarioResult[]): void {
  const rows = results.map((r) => [
    r.scenario,
    String(r.runs),
    fmt(r.median),
    fmt(r.p95),
    r.unit ?? 'ms',
    r.budget,
    r.status,
  ]);
  const head = ['scenario', 'runs', 'median', 'p95', 'unit', 'budget', 'status'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  console.log(`\n${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const row of rows) console.log(line(row));
  console.log('');
  for (const r of results) if (r.note) console.log(`- ${r.scenario}: ${r.note}`);
}

/** Writes the results with the run's conditions; returns the file's path. */
export function writeResults(results: ScenarioResult[], meta: Record<string, unknown>): string {
  const dir = path.resolve('bench-results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  const body = JSON.stringify({ ...meta, results }, null, 2);
  writeFileSync(file, body);
  writeFileSync(path.join(dir, 'latest.json'), body);
  return file;
}
