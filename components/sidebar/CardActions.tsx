import type { Card } from '@/lib/messaging/protocol';
import { useState } from 'preact/hooks';
import type { TouchKind, TrustLevel, ValueTier } from '@/lib/shared/model';
import { addDays, dateOf } from '@/lib/shared/relationship/calendar';
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
      <select
        data-testid="set-trust"
        aria-label={`Set trust in ${name} by hand`}
        value=""
        onChange={(e) => {
          const value = e.currentTarget.value;
          if (!value) return;
          const level = value === 'clear' ? null : (value as TrustLevel);
          void state.act(() => state.request('contact.setTrust', { contactId, level, days: 90 }));
        }}
      >
        <option value="">Trust…</option>
        <option value="full">Trusted (for 90 days)</option>
        <option value="some">Some trust (for 90 days)</option>
        <option value="none">No trust (for 90 days)</option>
        <option value="clear">As Rapport sees it</option>
      </select>
      {card.account && <PurchaseForm accountId={card.account.id} contactId={contactId} state={state} />}
    </div>
  );
}

/** Logs money the account spent: amount and currency, in the account's own currency. */
function PurchaseForm({ accountId, contactId, state }: { accountId: string; contactId: string; state: SidebarState }) {
  const [open, setOpen] = useState(false);
  const [amount, setAmount] = useState('');
  const [currency, setCurrency] = useState('EUR');
  if (!open) {
    return (
      <button type="button" class="rapport-button" data-testid="log-purchase" onClick={() => setOpen(true)}>
        Purchase…
      </button>
    );
  }
  return (
    // Saved from the button's click, never from the form's submit event: a page script can
    // `requestSubmit()` a form it reaches, and that submit event counts as the browser's own.
    <form class="rapport-purchase" onSubmit={(e) => e.preventDefault()}>
      <input
        aria-label="Amount"
        data-testid="purchase-amount"
        inputMode="decimal"
        value={amount}
        onInput={(e) => setAmount(e.currentTarget.value)}
      />
      <input
        aria-label="Currency"
        maxLength={3}
        size={3}
        value={currency}
        onInput={(e) => setCurrency(e.currentTarget.value)}
      />
      <button
        type="submit"
        class="rapport-button"
        data-testid="purchase-save"
        onClick={() => {
          const value = Number(amount);
          if (!Number.isFinite(value) || value < 0) return;
          setOpen(false);
          void state.act(() =>
            state.request('purchase.add', { accountId, contactId, amount: value, currency: currency.toUpperCase() }),
          );
        }}
      >
        Save
      </button>
    </form>
  );
}

/** The account's value tier: it sets how often to be in touch. */
export function TierSelect({ card, state }: { card: Card; state: SidebarState }) {
  const account = card.account;
  if (!account) return null;
  return (
    <select
      data-testid="set-tier"
      aria-label={`Value tier of ${account.name}`}
      value={account.valueTier}
      onChange={(e) =>
        void state.act(() =>
          state.request('account.setTier', { accountId: account.id, tier: e.currentTarget.value as ValueTier }),
        )
      }
    >
      <option value="high">High value</option>
      <option value="medium">Medium value</option>
      <option value="low">Low value</option>
    </select>
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
          // Calendar dates in the browser's zone (''), as the popup's snooze computes them.
          const until = addDays(dateOf(Date.now(), ''), days);
          void state.act(() => state.request('followup.act', { type: 'snooze', id: followUp.id, until }));
        }}
      >
        <option value="">Snooze…</option>
        <option value="1">Tomorrow</option>
        <option value="7">Next week</option>
      </select>
      <input
        type="date"
        data-testid="reschedule"
        aria-label="Reschedule the next touch to a date"
        onChange={(e) => {
          const until = e.currentTarget.value;
          if (until) void state.act(() => state.request('followup.act', { type: 'snooze', id: followUp.id, until }));
        }}
      />
    </span>
  );
}
