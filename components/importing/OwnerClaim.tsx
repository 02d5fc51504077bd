import { useEffect, useState } from 'preact/hooks';
import type { ResponseOf } from '@/lib/messaging/protocol';
import type { Settings } from '@/lib/shared/model';
import { plural } from '@/lib/shared/relationship/describe';
import { useApi } from '../common/api';

type Question = NonNullable<ResponseOf<'owner.question'>>;
const NONE = 'none';

/**
 * "Which of these CRM owners is you?", asked after an import matched none of its owners to the
 * seller, and shown again (on the overview and the import page) until answered. Renders nothing
 * while no question is open. `onSettings` hands on the settings the answer taught, so a form
 * already loaded does not save the old ones over them.
 */
export function OwnerClaim({ onSettings }: { onSettings?: (settings: Settings) => void }) {
  const api = useApi();
  const [question, setQuestion] = useState<Question | null>(null);
  const [choice, setChoice] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');
  const [error, setError] = useState('');
  useEffect(() => {
    void api('owner.question', {}).then((r) => r.ok && setQuestion(r.data));
  }, [api]);

  if (done) {
    return (
      <p class="callout" role="status" data-testid="owner-claim-done">
        {done}
      </p>
    );
  }
  if (!question) return null;

  const answer = async (event: Event) => {
    event.preventDefault();
    if (!choice) return;
    setBusy(true);
    setError('');
    const owner = question.owners.find((o) => o.sellerId === choice);
    const result = await api('owner.claim', { sellerId: owner ? owner.sellerId : null });
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    onSettings?.(result.data.settings);
    setDone(
      owner
        ? `${plural(result.data.contacts, 'contact')} and ${plural(result.data.touches, 'activity', 'activities')} of ${owner.name} are now yours, and Rapport will recognise ${owner.name} as you in the next import.`
        : 'Understood: none of these owners is you. Their contacts stay theirs.',
    );
  };

  return (
    <form class="callout owner-claim" data-testid="owner-claim" onSubmit={(e) => void answer(e)}>
      <fieldset>
        <legend>Which of these CRM owners is you?</legend>
        <p>
          None of the owners in your import matches your name or address in Settings. Say which one is you, and their
          contacts and activities become yours.
        </p>
        {question.owners.map((o) => (
          <label key={o.sellerId}>
            <input
              type="radio"
              name="owner-claim"
              value={o.sellerId}
              checked={choice === o.sellerId}
              onChange={() => setChoice(o.sellerId)}
              data-testid="owner-claim-choice"
              data-owner={o.name}
              data-seller={o.sellerId}
            />{' '}
            {o.name}
            {o.emails.length > 0 && o.emails[0] !== o.name ? ` (${o.emails.join(', ')})` : ''}:{' '}
            {plural(o.contacts, 'contact')}, {plural(o.touches, 'activity', 'activities')}
          </label>
        ))}
        <label>
          <input
            type="radio"
            name="owner-claim"
            value={NONE}
            checked={choice === NONE}
            onChange={() => setChoice(NONE)}
            data-testid="owner-claim-none"
          />{' '}
          None of these is me
        </label>
      </fieldset>
      {error && (
        <p class="status error" role="alert">
          {error}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="primary" data-testid="owner-claim-confirm" disabled={!choice || busy}>
          {choice === NONE ? 'Confirm' : 'This is me'}
        </button>
      </div>
    </form>
  );
}
