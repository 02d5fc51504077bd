import { type Person, personFromElement, uniquePeople } from './address';
import { parseShownDate, wallClockToMs } from '../dates';
import { type Check, perItem, type Reading } from './health';
import { normalizeThreadId } from './ids';
import { HIDDEN, LIST } from './selectors';
import { allMatches, isInlineHidden } from './dom';
import type { MessageTime, ReadOptions } from './thread';

interface Row {
  /** The row's first `tr.zA` (split-pane rows span two or three). */
  element: Element;
  threadId?: string;
  people: Person[];
  unread: boolean;
  /** The row's date (its latest message), from the date's `title`. */
  time?: MessageTime;
}

/** A row of the inbox or another folder: the senders Gmail lists for the thread ("me, Chris (3)"). */
export interface InboxRow extends Omit<Row, 'people'> {
  senders: Person[];
}

/** A row of the Sent folder: Gmail lists the recipients there ("To: Chris"). */
export interface SentRow extends Omit<Row, 'people'> {
  recipients: Person[];
}

/**
 * Rows grouped: a split-pane continuation row (`apv` without a checkbox) joins the row above.
 * Rows in a view Gmail keeps hidden (the inbox while Sent is shown) are not read.
 */
function rowGroups(root: ParentNode): Element[][] {
  const groups: Element[][] = [];
  for (const tr of allMatches(root, LIST.row, HIDDEN)) {
    const last = groups.at(-1);
    const continuation =
      tr.classList.contains(LIST.splitRow) &&
      !tr.querySelector(LIST.splitLeader) &&
      last?.at(-1)?.nextElementSibling === tr;
    if (continuation && last) last.push(tr);
    else groups.push([tr]);
  }
  return groups;
}

function readRow(group: Element[], options: ReadOptions): Row {
  const [first] = group as [Element];
  const people = uniquePeople(
    group
      .flatMap((tr) => [...tr.querySelectorAll(LIST.person)])
      .map(personFromElement)
      .filter((p): p is Person => !!p),
  );
  let threadId: string | undefined;
  for (const el of group.flatMap((tr) => [...tr.querySelectorAll(LIST.threadId)])) {
    threadId =
      normalizeThreadId(el.getAttribute('data-thread-id')) ??
      normalizeThreadId(el.getAttribute('data-legacy-thread-id'));
    if (threadId) break;
  }
  let time: MessageTime | undefined;
  for (const el of options.withoutTime ? [] : group.flatMap((tr) => [...tr.querySelectorAll(LIST.date)])) {
    const wall = parseShownDate(el.getAttribute('title') ?? '', options.lang);
    if (wall) {
      time = { at: wallClockToMs(wall, options.timeZone), from: 'date' };
      break;
    }
  }
  return {
    element: first,
    ...(threadId ? { threadId } : {}),
    people,
    unread: first.classList.contains(LIST.unread),
    ...(time ? { time } : {}),
  };
}

/**
 * Rows read in earlier frames, by their first `tr`, so a frame reads only the rows Gmail added
 * or touched since: a list view's frame used to read all 100 rows again for one new row.
 * `changed` takes the page's mutation targets; a row is read again when one of them is inside
 * it (or is it). The seller's own reads (start, navigation) call `clear()` and read everything.
 *
 * It also keeps the lists the last read found its rows in (each `tbody`), to tell whether every
 * change since lies within them (`onlyRowsChanged`: rows added, removed or edited, the usual
 * frame of a busy inbox), so the rest of the page (compose windows) is as it was.
 */
export class RowMemo {
  private rows = new WeakMap<Element, Row>();
  private touched = new Set<Element>();
  private fresh = new Set<Element>();
  private bodies: Element[] = [];
  private withinBodies = false;

  /** Forgets every row: the next read reads them all. */
  clear(): void {
    this.rows = new WeakMap();
    this.bodies = [];
    this.withinBodies = false;
  }

  /** Marks the rows these mutation targets are in as changed. */
  changed(nodes: readonly Node[]): void {
    for (const node of nodes) {
      const el = node instanceof Element ? node : node.parentElement;
      const tr = el?.closest(LIST.row);
      if (tr) this.touched.add(tr);
      // A list's own children changed (the target is its tbody), or something inside one of its rows.
      if (this.withinBodies && !this.bodies.includes((tr ? tr.parentElement : el) as Element)) {
        this.withinBodies = false;
      }
    }
  }

  /** Since the last read, the page changed only within the rows of the lists it read. */
  get onlyRowsChanged(): boolean {
    return this.withinBodies;
  }

  /** Whether this row was read afresh by the last read (new, changed or after `clear`). */
  isFresh(row: Element): boolean {
    return this.fresh.has(row);
  }

  /** Reads the rows of one frame: the known and untouched ones from memory. */
  readAll(groups: Element[][], options: ReadOptions): Row[] {
    this.fresh = new Set();
    const rows = groups.map((group) => {
      const [first] = group as [Element];
      const known = this.rows.get(first);
      if (known && !group.some((tr) => this.touched.has(tr))) return known;
      const row = readRow(group, options);
      this.rows.set(first, row);
      this.fresh.add(first);
      return row;
    });
    this.touched.clear();
    this.bodies = [...new Set(groups.map(([first]) => (first as Element).parentElement as Element))];
    this.withinBodies = this.bodies.length > 0;
    return rows;
  }
}

function readRows(root: ParentNode, options: ReadOptions & { memo?: RowMemo }): { rows: Row[]; rowsCheck: Check } {
  const groups = rowGroups(root);
  const rows = options.memo ? options.memo.readAll(groups, options) : groups.map((g) => readRow(g, options));
  // An empty folder is fine; a list that has rows we do not recognise is not.
  const container = root.querySelector(LIST.container);
  const unrecognised = !rows.length && !!container?.querySelector('tr, [role=row]');
  const ok = rows.length > 0 || (!!container && !unrecognised);
  return { rows, rowsCheck: { reader: 'list.rows', ok, found: rows.length, expected: ok ? rows.length : 1 } };
}

/** Rows of a thread list (inbox, label, search) under `root`, with each row's senders, de-duplicated. */
export function readInboxRows(root: ParentNode, options: ReadOptions & { memo?: RowMemo } = {}): Reading<InboxRow[]> {
  const { rows, rowsCheck } = readRows(root, options);
  const value = rows.map(asInboxRow);
  return {
    value,
    health: [rowsCheck, perItem('list.senders', value.filter((r) => r.senders.length).length, value.length)],
  };
}

/** A row read from memory (RowMemo) is the same object each frame, and so is what it is as an inbox row. */
const inboxRows = new WeakMap<Row, InboxRow>();
function asInboxRow(row: Row): InboxRow {
  let inbox = inboxRows.get(row);
  if (!inbox) {
    const { people, ...rest } = row;
    inbox = { ...rest, senders: people };
    inboxRows.set(row, inbox);
  }
  return inbox;
}

/** Rows of the Sent folder under `root`, with each row's recipients, de-duplicated. */
export function readSentRows(root: ParentNode, options: ReadOptions = {}): Reading<SentRow[]> {
  const { rows, rowsCheck } = readRows(root, options);
  const value = rows.map(({ people, ...rest }) => ({ ...rest, recipients: people }));
  return {
    value,
    health: [rowsCheck, perItem('list.recipients', value.filter((r) => r.recipients.length).length, value.length)],
  };
}

/**
 * The visible element that names this sender in a row, where a marker can sit beside it.
 * Gmail repeats each address in a hidden node (2014 inbox capture, `div.afn`); those are skipped.
 */
export function senderElement(row: Element, email: string): Element | undefined {
  return [...row.querySelectorAll(LIST.person)].find(
    (el) => el.getAttribute('email')?.trim().toLowerCase() === email && !isInlineHidden(el),
  );
}
