import type { Card } from '@/lib/messaging/protocol';
import type { TouchKind } from '@/lib/shared/model';
import type { SidebarState } from './state';

const LOGGABLE: { kind: TouchKind; label: string }[] = [
  { kind: 'call', label: 'Call' },
  { kind: 'meeting', label: 'Meeting' },
  { kind: 'value-add', label: 'Shared something useful' },
  { kind: 'offer', label: 'Made an offer' },
  { kind: 'note', label: 'Note (internal)' },
];

const STATUSES = [
  { value: 'customer', label: 'Customer' },
  { value: 'prospect-active', label: 'Prospect (active)' },
  { value: 'prospect', label: 'Prospect' },
  { value: 'former', label: 'Former customer' },
  { value: 'contact', label: 'Just a contact' },
] as const;

/**
 * The card's quick actions, all plain selects and buttons (keyboard and screen-reader
 * friendly): each writes through the protocol and the card shows the effect at once.
 */
export function CardActions({ card, state, name }: { card: Card; state: SidebarState; name: string }) {
  const contactId = card.contactId;
  const log = (kind: TouchKind, happiness?: number) =>
    state.act(() =>
      state.request('touch.add', {
        contactId,
        kind,
        // Meetings and calls are two-way by themselves; a note is nobody's touch.
        direction: kind === 'meeting' || kind === 'call' || kind === 'note' ? 'none' : 'outbound',
        at: Date.now(),
        ...(happiness ? { happiness } : {}),
      }),
    );
  return (
    <div class="rapport-actions">
      <select
        data-testid="log-touch"
        aria-label={`Log a touch with ${name}`}
        value=""
        onChange={(e) => {
          const kind = e.currentTarget.value as TouchKind;
          if (kind) void log(kind);
        }}
      >
        <option value="">Log…</option>
        {LOGGABLE.map((o) => (
          <option key={o.kind} value={o.kind}>
            {o.label}
          </option>
        ))}
      </select>
      <select
        data-testid="checkin"
        aria-label={`Log a check-in: how happy is ${name}, 1 to 5`}
        value=""
        onChange={(e) => {
          const answer = Number(e.currentTarget.value);
          if (answer) void log('check-in', answer);
        }}
      >
        <option value="">Check-in…</option>
        {[5, 4, 3, 2, 1].map((n) => (
          <option key={n} value={n}>
            {n}/5 happy
          </option>
        ))}
      </select>
      <select
        data-testid="set-status"
        aria-label={`Status of ${name}`}
        value=""
        onChange={(e) => {
          const value = e.currentTarget.value;
          if (!value) return;
          const status =
            value === 'prospect-active' ? 'prospect' : (value as 'customer' | 'prospect' | 'former' | 'contact');
          void state.act(() =>
            state.request('contact.setStatus', { contactId, status, activeProspect: value === 'prospect-active' }),
          );
        }}
      >
        <option value="">Status…</option>
        {STATUSES.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Done and snooze, beside the next touch. */
export function NextTouchActions({ card, state }: { card: Card; state: SidebarState }) {
  const followUp = card.followUp;
  if (!followUp) return null;
  return (
    <span class="rapport-next-actions">
      <button
        type="button"
        class="rapport-button"
        data-testid="done"
        onClick={() => void state.act(() => state.request('followup.act', { type: 'done', id: followUp.id }))}
      >
        Done
      </button>
      <select
        data-testid="snooze"
        aria-label="Snooze the next touch"
        value=""
        onChange={(e) => {
          const days = Number(e.currentTarget.value);
          if (!days) return;
          const until = new Date(Date.now() + days * 86_400_000);
          const date = `${until.getFullYear()}-${String(until.getMonth() + 1).padStart(2, '0')}-${String(until.getDate()).padStart(2, '0')}`;
          void state.act(() => state.request('followup.act', { type: 'snooze', id: followUp.id, until: date }));
        }}
      >
        <option value="">Snooze…</option>
        <option value="1">Tomorrow</option>
        <option value="7">Next week</option>
      </select>
    </span>
  );
}
