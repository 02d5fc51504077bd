/**
 * Gmail message and thread ids (site-dom.md A2, A2b).
 *
 * Gmail writes one 64-bit number in two spellings: the legacy 16-hex-digit id
 * (`data-legacy-message-id`, `data-legacy-thread-id`) and the decimal "perm" id
 * (`data-message-id="#msg-f:<n>"`, `data-thread-perm-id="thread-f:<n>"`, and in list rows
 * `data-thread-id="#thread-f:<n>|msg-f:<m>"`). We keep one form, the decimal string, so a message
 * seen first without its legacy id (a just-sent reply) and later with it is the same message.
 * Drafts carry `msg-a:`/`thread-a:` ids and are not mail that was sent: they give no id.
 */

const MAX_U64 = (1n << 64n) - 1n;

// `#msg-f:<n>`, `thread-f:<n>`, or one half of a list row's `#thread-f:<n>|msg-f:<m>`.
const PERM = {
  msg: /(?:^|[#|])msg-([af]):(\d{1,20})(?:$|\|)/,
  thread: /(?:^|[#|])thread-([af]):(\d{1,20})(?:$|\|)/,
};
const DRAFT = /^#?(?:msg|thread)-a:/;
const LEGACY_HEX = /^[0-9a-f]{1,16}$/i;

/** The number Gmail wrote, or undefined for drafts, the literal "undefined" Gmail sometimes writes, or junk. */
function toBigInt(raw: string, kind: 'msg' | 'thread'): bigint | undefined {
  const text = raw.trim();
  const perm = PERM[kind].exec(text);
  if (perm) return perm[1] === 'f' ? inRange(BigInt(perm[2] ?? '')) : undefined;
  if (DRAFT.test(text)) return undefined;
  // A bare value is the legacy hex spelling (never bare decimal: Gmail prefixes those).
  if (LEGACY_HEX.test(text)) return inRange(BigInt(`0x${text}`));
  return undefined;
}

function inRange(n: bigint): bigint | undefined {
  return n > 0n && n <= MAX_U64 ? n : undefined;
}

/**
 * One message id in its decimal form: `#msg-f:1840980625981948628` and `198c7a201a07c2d4` both give
 * `'1840980625981948628'`. Undefined for drafts (`#msg-a:r123`) and anything that is not an id.
 */
export function normalizeMessageId(raw: string | null | undefined): string | undefined {
  return raw ? toBigInt(raw, 'msg')?.toString() : undefined;
}

/** The same for thread ids (`thread-f:<n>`, legacy hex, or a row's `#thread-f:<n>|msg-f:<m>`). */
export function normalizeThreadId(raw: string | null | undefined): string | undefined {
  return raw ? toBigInt(raw, 'thread')?.toString() : undefined;
}

// Gmail opened in April 2004; an id that decodes to earlier than that is not time-based.
const GMAIL_EPOCH = Date.UTC(2004, 0, 1);
const FUTURE_SLACK = 2 * 24 * 3600 * 1000;

/**
 * Send time (ms since the epoch) encoded in a normalized id: the top 44 bits are milliseconds
 * (id >> 20). Checked against the published examples in site-dom.md A2b. Undefined when the result
 * is implausible (before Gmail existed or after `now`), which is what we would see if Gmail ever
 * stopped minting ids this way: better no time than a wrong one.
 */
export function timeFromId(id: string | undefined, now: number = Date.now()): number | undefined {
  if (!id || !/^\d{1,20}$/.test(id)) return undefined;
  const ms = Number(BigInt(id) >> 20n);
  return ms >= GMAIL_EPOCH && ms <= now + FUTURE_SLACK ? ms : undefined;
}
