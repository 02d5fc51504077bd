import { useState } from 'preact/hooks';
import type { ResponseOf } from '@/lib/messaging/protocol';
import { addDays } from '@/lib/shared/relationship/calendar';
import { calendarDay, describeReason } from '@/lib/shared/relationship/describe';
import { NEXT_WORDS, TRUST_WORDS } from '../common/words';

type Row = ResponseOf<'followup.list'>['rows'][number];
export type Act = { type: 'done'; happiness?: number } | { type: 'snooze'; until: string } | { type: 'dismiss' };

/** One follow-up: who and what on the first line, why on the second, the actions beside. */
export function FollowUpRow({
  row,
  today,
  onAct,
  onOpen,
}: {
  row: Row;
  today: string;
  onAct: (act: Act) => void;
  onOpen: () => void;
}) {
  const { followUp } = row;
  const [asking, setAsking] = useState(false);
  const who = [row.name, row.account].filter(Boolean).join(' · ');
  return (
    <li
      class="followup"
      data-testid="followup"
      data-email={row.email}
      data-linkedin={row.linkedinId}
      data-state={followUp.state}
      data-due={followUp.due}
      data-kind={followUp.kind}
    >
      <div class="followup-text">
        <span class="followup-who">{who}</span> <span class={`pill is-${row.trust}`}>{TRUST_WORDS[row.trust]}</span>
        <span class="followup-why">
          {NEXT_WORDS[followUp.kind]}: {describeReason(followUp.reason)}
          {/* Spread to a later day with many others: still overdue, and since when. */}
          {followUp.plannedDue && ` (due since ${calendarDay(followUp.plannedDue)})`}
        </span>
      </div>
      <div class="followup-actions">
        {asking ? (
          <fieldset class="happiness">
            <legend>How happy is {row.name}? 1 to 5</legend>
            {[1, 2, 3, 4, 5].map((n) => (
              <button
                type="button"
                key={n}
                data-testid={`happiness-${n}`}
                onClick={() => onAct({ type: 'done', happiness: n })}
              >
                {n}
              </button>
            ))}
          </fieldset>
        ) : (
          <button
            type="button"
            data-testid="followup-done"
            aria-label={`Done: ${row.name}`}
            onClick={() => (followUp.kind === 'check-in' ? setAsking(true) : onAct({ type: 'done' }))}
          >
            Done
          </button>
        )}
        <select
          data-testid="followup-snooze"
          aria-label={`Snooze ${row.name}`}
          value=""
          onChange={(e) => {
            const days = Number(e.currentTarget.value);
            if (days) onAct({ type: 'snooze', until: addDays(today, days) });
          }}
        >
          <option value="">Snooze…</option>
          <option value="1">Tomorrow</option>
          <option value="7">Next week</option>
          <option value="30">Next month</option>
        </select>
        <button type="button" data-testid="followup-open" aria-label={`Open ${row.name}`} onClick={onOpen}>
          Open
        </button>
        <button
          type="button"
          data-testid="followup-dismiss"
          aria-label={`Dismiss ${row.name}`}
          onClick={() => onAct({ type: 'dismiss' })}
        >
          Dismiss
        </button>
      </div>
    </li>
  );
}
