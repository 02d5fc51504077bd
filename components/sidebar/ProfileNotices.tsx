import type { PersonView, SidebarState } from './state';

/**
 * What a LinkedIn profile adds to a person's row: a match to confirm or choose (never merged
 * silently), and a job change. The words name companies and people as Rapport stored them.
 */
export function ProfileNotices({ person, state }: { person: PersonView; state: SidebarState }) {
  const match = person.match;
  if (!match) return null;
  const candidates = person.candidates ?? [];
  if (match.kind === 'name' && candidates[0]) {
    const candidate = candidates[0];
    return (
      <p class="rapport-prompt" data-testid="match-confirm" data-contact={candidate.id}>
        Is this {candidate.name}, whom you track?{' '}
        <button type="button" class="rapport-button" onClick={() => void state.linkProfile(person, candidate.id)}>
          Yes, link this profile
        </button>
      </p>
    );
  }
  if (match.kind === 'email' && person.contact) {
    const contact = person.contact;
    return (
      <p class="rapport-prompt" data-testid="match-confirm" data-contact={contact.id}>
        Found by the address on this profile.{' '}
        <button type="button" class="rapport-button" onClick={() => void state.linkProfile(person, contact.id)}>
          Link this profile to {contact.name}
        </button>
      </p>
    );
  }
  if (match.kind === 'conflict') {
    return (
      <div class="rapport-prompt" data-testid="match-choose">
        <p>Two contacts could be this person. Which one is it?</p>
        {candidates.map((c) => (
          <button
            key={c.id}
            type="button"
            class="rapport-button"
            data-contact={c.id}
            onClick={() => void state.linkProfile(person, c.id)}
          >
            {c.name}
            {c.emails[0] ? ` (${c.emails[0]})` : ''}
          </button>
        ))}
      </div>
    );
  }
  if (match.jobChange) {
    const { from, to } = match.jobChange;
    return (
      <div class="rapport-job-change" data-testid="job-change" data-from={from} data-to={to} role="status">
        <p>
          <strong>
            Moved from {from} to {to}.
          </strong>{' '}
          Your relationship with {from} rests on fewer people now: meet a second contact there. At {to}, this is an
          opening.
        </p>
        <button
          type="button"
          class="rapport-button"
          data-testid="job-change-move"
          onClick={() => void state.moveToCompany(person)}
        >
          Move to {to}
        </button>
      </div>
    );
  }
  return null;
}
