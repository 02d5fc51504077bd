import { stableJson } from './docs';

type Editable = { id: string; updatedAt: number; history?: { field: string; value: string; at: number }[] };

/** The most values a record keeps that teammates' edits replaced (the schema's bound). */
const KEPT = 50;
/** Fields that say when and what, not what a seller edited. */
const NOT_EDITS = new Set(['id', 'updatedAt', 'createdAt', 'history']);

/**
 * Two versions of a contact or account, ours and one that arrived from the team: the one edited
 * last wins whole (on equal times, the same one on every computer), and each value of the other
 * that differs goes into the record's history with when it was set. Histories of both sides are
 * kept, so applying the same pair in either order, on either computer, gives the same record.
 * Fields only this computer has (notes, a hand-set trust level) are the caller's to keep.
 */
export function mergeEdits<T extends Editable>(ours: T, theirs: T): T {
  const theirsWins =
    theirs.updatedAt !== ours.updatedAt
      ? theirs.updatedAt > ours.updatedAt
      : stableJson(editsOf(theirs)) > stableJson(editsOf(ours));
  const [winner, loser] = theirsWins ? [theirs, ours] : [ours, theirs];
  const replaced = Object.keys({ ...editsOf(winner), ...editsOf(loser) })
    .filter((field) => stableJson(editsOf(loser)[field]) !== stableJson(editsOf(winner)[field]))
    .filter((field) => editsOf(loser)[field] !== undefined)
    .map((field) => ({ field, value: stableJson(editsOf(loser)[field]).slice(0, 2_000), at: loser.updatedAt }));
  const seen = new Set<string>();
  const history = [...(ours.history ?? []), ...(theirs.history ?? []), ...replaced]
    .filter((entry) => {
      const key = stableJson(entry);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.at - b.at || (stableJson(a) < stableJson(b) ? -1 : 1))
    .slice(-KEPT);
  return { ...winner, ...(history.length ? { history } : {}) };
}

function editsOf(record: Editable): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([key]) => !NOT_EDITS.has(key)));
}
