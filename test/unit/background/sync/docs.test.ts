import { describe, expect, it } from 'vitest';
import { fromDoc, mergedDoc, toDoc } from '@/lib/background/sync/docs';
import { ME } from '@/lib/shared/model';
import { contact, touch } from '../../../helpers/records';

const ALEX = 'team:alex@ourco.example';

describe('what the team sees of a record', () => {
  it('leaves out notes, a hand-set trust level and the import that made it; the seller is named for the team', () => {
    const jane = contact({
      id: 'jane',
      notes: 'prefers calls after 4',
      trustOverride: { level: 'full', setAt: 1, until: 2 },
      importId: 'imp',
      ownerId: ME,
    });
    const doc = toDoc('contact', jane, ALEX);
    expect(doc._id).toBe('contact:jane');
    expect(doc.record).not.toHaveProperty('notes');
    expect(doc.record).not.toHaveProperty('trustOverride');
    expect(doc.record).not.toHaveProperty('importId');
    expect(doc.record.ownerId).toBe(ALEX);
    expect(toDoc('touch', touch({ id: 't1', sellerId: ME }), ALEX).record.sellerId).toBe(ALEX);
  });

  it('comes back in this machine’s terms: the seller using it is `me` again, a colleague stays a colleague', () => {
    const mine = fromDoc(toDoc('touch', touch({ id: 't1', sellerId: ME }), ALEX), ALEX);
    expect(mine).toMatchObject({ kind: 'touch', record: { id: 't1', sellerId: ME } });
    const theirs = fromDoc(toDoc('touch', touch({ id: 't2', sellerId: ME }), 'team:sam@ourco.example'), ALEX);
    expect(theirs).toMatchObject({ record: { sellerId: 'team:sam@ourco.example' } });
  });
});

describe('a document from the server that is refused, never written', () => {
  const good = toDoc('touch', touch({ id: 't1' }), ALEX);
  it.each([
    [
      'a touch carrying a message body',
      { ...good, record: { ...good.record, body: 'Dear Chris, …' } },
      /body|Unrecognized/i,
    ],
    ['a record filed under another id', { ...good, _id: 'touch:other' }, /says it is t1/],
    ['a kind Rapport does not share', { ...good, kind: 'settings' }, /not a Rapport record/],
    ['no record at all', { _id: 'touch:t1', kind: 'touch' }, /not a Rapport record/],
    ['a 10 MB subject', { ...good, record: { ...good.record, summary: 'x'.repeat(10_000_000) } }, /summary/],
    ['a time that is not a time', { ...good, record: { ...good.record, at: 'yesterday' } }, /at/],
    ['a merge filed under another contact', { ...mergedDoc('c1', 'c2'), _id: 'contact:c3' }, /not a merge/],
    ['a contact merged into itself', mergedDoc('c1', 'c1'), /not a merge/],
    [
      'a merge carrying more',
      { ...mergedDoc('c1', 'c2'), record: { id: 'c1', into: 'c2', emails: [] } },
      /not a merge/,
    ],
  ])('%s', (_what, doc, why) => {
    const answer = fromDoc(doc, ALEX);
    expect(answer).toHaveProperty('refused');
    expect((answer as { refused: string }).refused).toMatch(why);
  });

  it('a merge of two contacts reads as one', () => {
    expect(fromDoc(mergedDoc('c1', 'c2'), ALEX)).toEqual({ kind: 'merged', record: { id: 'c1', into: 'c2' } });
  });

  it('keeps markup in a name as the text it is (pages render it as text)', () => {
    const doc = toDoc(
      'contact',
      contact({ id: 'x', name: '<img src=x onerror=alert(1)>' }),
      'team:mallory@ourco.example',
    );
    expect(fromDoc(doc, ALEX)).toMatchObject({ record: { name: '<img src=x onerror=alert(1)>' } });
  });
});
