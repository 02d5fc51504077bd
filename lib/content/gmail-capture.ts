import type { Requester } from '@/lib/messaging/client';
import type { RequestOf } from '@/lib/messaging/protocol';
import { classifyAddress, findSendButton, readCompose, type readThread, type SentRow, type Self } from './sites/gmail';

export type CaptureMessage = RequestOf<'gmail.capture'>['messages'][number];

/**
 * Messages with an id, a time and a sender, as the background takes them; never a body.
 * A collapsed message shows no recipients: one from our side is taken to go to the thread's
 * external people, as it almost always does, so it still counts as contact.
 */
export function toCapture(
  messages: ReturnType<typeof readThread>['value']['messages'],
  subject: string | undefined,
  threadExternals: string[],
  threadId?: string,
): CaptureMessage[] {
  return messages.flatMap((m) =>
    m.id && m.time && m.sender
      ? [
          {
            id: m.id,
            at: m.time.at,
            from: m.sender.email,
            to: m.recipients ? m.recipients.map((r) => r.email) : threadExternals,
            ...(threadId ? { threadId } : {}),
            ...(subject ? { subject } : {}),
          },
        ]
      : [],
  );
}

/**
 * A Sent row is the seller's latest message in a thread, without a message id: it is keyed by
 * thread (or recipients) and minute, and takes the real id when the thread is opened (the
 * background matches a sent message by contact and time).
 */
export function sentRowsToCapture(rows: readonly SentRow[], account: string, self: Self): CaptureMessage[] {
  return rows.flatMap((row) => {
    const to = row.recipients.map((r) => r.email).filter((email) => classifyAddress(email, self) === 'external');
    if (!row.time || to.length === 0) return [];
    const minute = Math.floor(row.time.at / 60_000);
    const sentKey = `row-${row.threadId ?? shortHash(to.join(','))}-${minute}`;
    return [{ sentKey, at: row.time.at, from: account, to, ...(row.threadId ? { threadId: row.threadId } : {}) }];
  });
}

/** A short, stable key from text (djb2): enough to tell rows apart, never a secret. */
function shortHash(text: string): string {
  let hash = 5381;
  for (let i = 0; i < text.length; i++) hash = (hash * 33) ^ text.charCodeAt(i);
  return (hash >>> 0).toString(36);
}

/**
 * Records a message at the moment the seller sends it: a click on Send, or Ctrl/⌘+Enter.
 * Each compose window is wired once, however many frames see it.
 */
export function createSendWatcher(request: Requester) {
  const wired = new WeakSet<Element>();
  return (root: Element, account: string, self: Self) => {
    if (wired.has(root)) return;
    wired.add(root);
    const localKey = `c${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
    const send = () => {
      const compose = readCompose(root).value;
      const to = compose.recipients.map((r) => r.email).filter((email) => classifyAddress(email, self) === 'external');
      if (to.length === 0) return;
      const message: CaptureMessage = {
        sentKey: compose.draftId ?? localKey,
        at: Date.now(),
        from: account,
        to,
        ...(compose.subject ? { subject: compose.subject } : {}),
      };
      void request('gmail.capture', { account, messages: [message] });
    };
    // Capture phase: Gmail handles the click and may remove the window before it bubbles.
    root.addEventListener(
      'click',
      (event) => {
        const button = findSendButton(root);
        if (button && event.target instanceof Node && button.contains(event.target)) send();
      },
      true,
    );
    root.addEventListener(
      'keydown',
      (event) => {
        const e = event as KeyboardEvent;
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) send();
      },
      true,
    );
  };
}
