import { useState } from 'preact/hooks';
import type { Card } from '@/lib/messaging/protocol';
import { describeReason } from '@/lib/shared/relationship/describe';
import { CardActions, NextTouchActions, TierSelect } from './CardActions';
import { CoverageGrid, Sparkline } from './Visuals';
import type { SidebarState } from './state';
import { daysUntil, money, NEXT_WORDS, QUADRANT_WORDS, relative, TOUCH_WORDS, TRUST_WORDS } from '../common/words';

const DAY = 86_400_000;
const ARROWS = { inbound: '←', outbound: '→', none: '·' } as const;

/** A tracked person's card: trust, next touch, history and account, answer first. */
export function PersonCard({ card, now, state, name }: { card: Card; now: number; state: SidebarState; name: string }) {
  const { trust, followUp } = card;
  const [all, setAll] = useState<Card['recent'] | null>(null);
  const history = all ?? card.recent;
  const dueIn = followUp ? daysUntil(followUp.due, now) : 0;
  return (
    <div class="rapport-card">
      <p
        class={`rapport-trust is-${trust.level}`}
        data-testid="trust"
        data-level={trust.level}
        data-override={trust.overridden ? 'true' : undefined}
      >
        <span class="rapport-pill">{TRUST_WORDS[trust.level]}</span>
        {trust.overridden && <span class="rapport-sub"> (set by you)</span>}
      </p>
      <ul class="rapport-reasons">
        {trust.reasons.slice(0, 2).map((r) => (
          <li key={r.code}>{describeReason(r)}</li>
        ))}
      </ul>
      {followUp && (
        <p class="rapport-next" data-testid="next-touch" data-kind={followUp.kind} data-due={followUp.due}>
          <strong>{NEXT_WORDS[followUp.kind]}</strong>
          {' · '}
          {dueIn === 0
            ? 'due today'
            : dueIn < 0
              ? `overdue, was due ${relative(dueIn * DAY)}`
              : `due ${relative(dueIn * DAY)}`}
          <span class="rapport-why">{describeReason(followUp.reason)}</span>
          <NextTouchActions card={card} state={state} />
        </p>
      )}
      {card.touchesByMonth.length > 0 && <Sparkline months={card.touchesByMonth} now={now} />}
      {history.length > 0 && (
        <ol class="rapport-history" aria-label={all ? 'All touches' : 'Latest touches'}>
          {history.map((t) => (
            <li key={t.id} data-testid="touch" data-kind={t.kind} data-direction={t.direction}>
              <span aria-hidden="true">{ARROWS[t.direction]}</span> {TOUCH_WORDS[t.kind]}
              {t.summary ? `: ${t.summary}` : ''} <span class="rapport-sub">{relative(t.at - now)}</span>
            </li>
          ))}
        </ol>
      )}
      {!all && card.recent.length >= 5 && (
        <button
          type="button"
          class="rapport-button is-quiet"
          data-testid="show-all"
          onClick={async () => {
            const result = await state.request('touch.list', { contactId: card.contactId, limit: 500 });
            if (result.ok) setAll(result.data);
          }}
        >
          Show all
        </button>
      )}
      {card.account && (
        <div class="rapport-account">
          <TierSelect card={card} state={state} />
          {card.coverage?.quadrant && (
            <p data-testid="coverage" data-quadrant={card.coverage.quadrant}>
              <CoverageGrid quadrant={card.coverage.quadrant as 1 | 2 | 3 | 4} />{' '}
              {QUADRANT_WORDS[card.coverage.quadrant as 1 | 2 | 3 | 4]}
              {card.coverage.moves[0] ? `: ${describeReason(card.coverage.moves[0])}` : ''}
            </p>
          )}
          {card.value.length > 0 && (
            <p data-testid="ltv">Lifetime value {card.value.map((v) => money(v.toDate, v.currency)).join(' + ')}</p>
          )}
        </div>
      )}
      <CardActions card={card} state={state} name={name} />
    </div>
  );
}
