import { type Person, parseAddressList, personFromElement } from './address';
import { type Reading, single } from './health';
import { COMPOSE } from './selectors';

export type RecipientField = (typeof COMPOSE.fields)[number];

export interface ComposeRecipient extends Person {
  field: RecipientField;
  /**
   * True for an address still being typed (text in the field, not yet a chip). Gmail turns it
   * into a chip when the seller sends, so it counts at send time; before that it may be half-done.
   */
  typed: boolean;
}

export interface GmailCompose {
  /** Chips first, then typed addresses; one entry per field and address. */
  recipients: ComposeRecipient[];
  /** The subject box's value ("Re: …" on replies); absent when empty. */
  subject?: string;
  /** The draft id (`r<digits>` from `#msg-a:r…`), once Gmail has saved a draft; keys the sent message until it has a real id. */
  draftId?: string;
  /** True for a reply box inside the conversation, false for a compose window. */
  inline: boolean;
}

const FIELD_SELECTOR = COMPOSE.fields.map((f) => `[name="${f}"]`).join(', ');

function fieldOf(el: Element): RecipientField | undefined {
  const name = el.closest(FIELD_SELECTOR)?.getAttribute('name');
  return COMPOSE.fields.find((f) => f === name);
}

/** Chip UI: `div[name=to] … [data-hovercard-id]` (the address), name from `data-name`. */
function chipRecipients(root: Element): ComposeRecipient[] {
  const out: ComposeRecipient[] = [];
  for (const chip of root.querySelectorAll(COMPOSE.chip)) {
    if (chip.localName === 'input' || chip.localName === 'textarea') continue;
    const field = fieldOf(chip);
    const person = field && personFromElement(chip);
    if (field && person) out.push({ ...person, field, typed: false });
  }
  return out;
}

/** Classic UI: `.vR` chips with `input[type=hidden][name=to]` holding `Name <email>`. */
function classicRecipients(root: Element): ComposeRecipient[] {
  const out: ComposeRecipient[] = [];
  for (const chip of root.querySelectorAll(COMPOSE.classicChip)) {
    const input = chip.querySelector<HTMLInputElement>(COMPOSE.classicChipInput);
    const field = COMPOSE.fields.find((f) => f === input?.getAttribute('name'));
    if (!field) continue;
    const fromInput = parseAddressList(input?.value || input?.getAttribute('value') || '')[0];
    const span = chip.querySelector('[email]');
    const person = fromInput ?? (span ? personFromElement(span) : undefined);
    if (person) out.push({ ...person, field, typed: false });
  }
  return out;
}

/** Complete addresses typed into a field's text box (classic `textarea[name=to]`, new-UI input). */
function typedRecipients(root: Element): ComposeRecipient[] {
  const out: ComposeRecipient[] = [];
  for (const box of root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(COMPOSE.typed)) {
    const field = fieldOf(box);
    if (!field) continue;
    for (const person of parseAddressList(box.value)) out.push({ ...person, field, typed: true });
  }
  return out;
}

/**
 * Recipients of one compose window or inline reply (`composeRoot` from findComposeRoots), as they
 * stand now: call again on each change. Health: `compose.recipients` fails when no recipient field
 * exists at all (Gmail renamed `name=to`), `compose.send` when no send button is found.
 */
export function readCompose(composeRoot: Element): Reading<GmailCompose> {
  const seen = new Set<string>();
  const recipients: ComposeRecipient[] = [];
  for (const r of [
    ...chipRecipients(composeRoot),
    ...classicRecipients(composeRoot),
    ...typedRecipients(composeRoot),
  ]) {
    const key = `${r.field} ${r.email}`;
    if (seen.has(key)) continue;
    seen.add(key);
    recipients.push(r);
  }
  const subject = composeRoot.querySelector<HTMLInputElement>(COMPOSE.subject)?.value.trim();
  const draftId = /^#?msg-a:(r-?\d+)$/.exec(
    composeRoot.querySelector<HTMLInputElement>(COMPOSE.draft)?.value ?? '',
  )?.[1];
  return {
    value: {
      recipients,
      ...(subject ? { subject } : {}),
      ...(draftId ? { draftId } : {}),
      inline: composeRoot.closest(COMPOSE.inlineReply) !== null,
    },
    health: [
      single('compose.recipients', composeRoot.querySelector(FIELD_SELECTOR) !== null),
      single('compose.send', findSendButton(composeRoot) !== undefined),
    ],
  };
}

/**
 * Every compose window and inline reply under `root`: `div.M9` (gmail.js), else a form with a
 * recipient field, taken at its `[role=dialog]` when it has one (InboxSDK's compose detection).
 */
export function findComposeRoots(root: ParentNode): Element[] {
  const roots = [...root.querySelectorAll(COMPOSE.root)];
  if (roots.length) return roots.filter((el) => !roots.some((other) => other !== el && other.contains(el)));
  const forms = [...root.querySelectorAll(COMPOSE.form)].filter((f) => f.querySelector(FIELD_SELECTOR));
  return [...new Set(forms.map((f) => f.closest(COMPOSE.dialog) ?? f))];
}

/**
 * The control that sends this compose, so the caller can listen for its click (and for
 * Ctrl/⌘+Enter in the compose, which sends without it). Found by structure and Gmail's classes,
 * not by its localized label; undefined when Gmail's markup no longer matches (see selectors.ts).
 */
export function findSendButton(composeRoot: Element): Element | undefined {
  for (const selector of COMPOSE.send) {
    for (const el of composeRoot.querySelectorAll(selector)) {
      if (!el.matches(COMPOSE.foreignButton)) return el;
    }
  }
  return undefined;
}
