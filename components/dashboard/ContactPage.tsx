import '../sidebar/sidebar.css';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Contact } from '@/lib/shared/model';
import { useApi } from '../common/api';
import { splitList } from '../settings/form-state';
import { Sidebar } from '../sidebar/Sidebar';
import { createSidebarState } from '../sidebar/state';
import { Failed } from './Failed';
import { useBook } from './useBook';

/**
 * One contact: the same card as the sidebar (trust with its reasons, the next touch and its
 * actions, history with "show all", the account's coverage and value), then the corrections
 * only the dashboard makes: merge another contact into this one, delete (with undo).
 */
export function ContactPage({ contactId }: { contactId: string }) {
  const api = useApi();
  const [contact, setContact] = useState<Contact | null>();
  const [error, setError] = useState('');
  const [deleted, setDeleted] = useState(false);
  const state = useMemo(() => createSidebarState(api, { inPanel: true }), [api]);

  const load = async () => {
    const result = await api('contact.get', { contactId });
    if (!result.ok) return setError(result.error.message);
    setContact(result.data);
    const c = result.data;
    if (c) {
      const keys = {
        ...(c.emails[0] ? { email: c.emails[0] } : {}),
        ...(c.linkedinId ? { linkedinId: c.linkedinId } : {}),
      };
      void state.show([{ name: c.name, ...keys }]);
    }
  };
  useEffect(() => {
    void load();
  }, [contactId]);

  if (error) return <Failed message={error} />;
  if (deleted)
    return (
      <Deleted
        contactId={contactId}
        onUndone={() => {
          setDeleted(false);
          void load();
        }}
      />
    );
  if (contact === undefined) return null;
  if (contact === null)
    return (
      <p class="callout">
        No such contact. <a href="#contacts">All contacts</a>
      </p>
    );
  return (
    <section data-testid="contact-page" data-contact={contact.id} aria-labelledby="contact-title">
      <p>
        <a href="#contacts">← Contacts</a>
      </p>
      <h1 id="contact-title">{contact.name}</h1>
      <p class="sub">
        {[contact.title, ...contact.emails, contact.linkedinId && `linkedin.com/in/${contact.linkedinId}`]
          .filter(Boolean)
          .join(' · ')}
      </p>
      <div class="contact-card">
        <Sidebar state={state} />
      </div>
      <EditContact contact={contact} onSaved={() => void load()} />
      <EditHistory contact={contact} />
      <Merge into={contact} onMerged={() => void load()} />
      <DeleteContact contact={contact} onDeleted={() => setDeleted(true)} />
    </section>
  );
}

const FIELD_NAMES: Record<string, string> = { name: 'name', title: 'title', emails: 'addresses', status: 'status' };

/** Values a teammate's later edit replaced (team sync keeps them): what it said before, and when. */
function EditHistory({ contact }: { contact: Contact }) {
  if (!contact.history?.length) return null;
  return (
    <section aria-labelledby="edit-history-title" data-testid="edit-history">
      <h2 id="edit-history-title">Earlier values</h2>
      <ul>
        {[...contact.history].reverse().map((entry) => (
          <li key={`${entry.field}-${entry.at}-${entry.value}`} data-field={entry.field}>
            {FIELD_NAMES[entry.field] ?? entry.field}: {shown(entry.value)} (until a later edit; set{' '}
            {new Date(entry.at).toLocaleDateString()})
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A kept value as text: a string as itself, a list joined, anything else as written. */
function shown(json: string): string {
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'string' ? value : Array.isArray(value) ? value.join(', ') : json;
  } catch {
    return json;
  }
}

/** Choose the other record of the same person; every touch of it moves here. */
function Merge({ into, onMerged }: { into: Contact; onMerged: () => void }) {
  const api = useApi();
  const { data } = useBook('book.contacts', {});
  const [other, setOther] = useState('');
  const [message, setMessage] = useState('');
  const others = (data?.contacts ?? []).filter((c) => c.id !== into.id);
  const merge = async () => {
    const result = await api('contact.merge', { keepId: into.id, mergeId: other });
    setMessage(result.ok ? `Merged: ${result.data.moved} touches moved to ${into.name}.` : result.error.message);
    if (result.ok) {
      setOther('');
      onMerged();
    }
  };
  return (
    <fieldset class="merge">
      <legend>Same person as another contact?</legend>
      <label>
        Merge into {into.name}:{' '}
        <select value={other} onChange={(e) => setOther(e.currentTarget.value)} data-testid="merge-other">
          <option value="">choose a contact</option>
          {others.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
              {c.emails[0] ? ` (${c.emails[0]})` : ''}
            </option>
          ))}
        </select>
      </label>{' '}
      <button type="button" data-testid="merge" disabled={!other} onClick={() => void merge()}>
        Merge, keeping every touch
      </button>
      {message && <p role="status">{message}</p>}
    </fieldset>
  );
}

/** Delete asks first, then offers undo. */
function DeleteContact({ contact, onDeleted }: { contact: Contact; onDeleted: () => void }) {
  const api = useApi();
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState('');
  const remove = async () => {
    const result = await api('contact.delete', { contactId: contact.id });
    if (result.ok) onDeleted();
    else setError(result.error.message);
  };
  return (
    <p class="delete">
      {asking ? (
        <>
          Delete {contact.name} with their history?{' '}
          <button type="button" data-testid="delete-confirm" onClick={() => void remove()}>
            Yes, delete
          </button>{' '}
          <button type="button" onClick={() => setAsking(false)}>
            Keep
          </button>
        </>
      ) : (
        <button type="button" data-testid="delete-contact" onClick={() => setAsking(true)}>
          Delete contact…
        </button>
      )}
      {error && <span role="alert"> {error}</span>}
    </p>
  );
}

function Deleted({ contactId, onUndone }: { contactId: string; onUndone: () => void }) {
  const api = useApi();
  const [error, setError] = useState('');
  const undo = async () => {
    const result = await api('contact.undoDelete', { contactId });
    if (result.ok) onUndone();
    else setError(result.error.message);
  };
  return (
    <p class="callout" role="status" data-testid="contact-deleted">
      Deleted.{' '}
      <button type="button" data-testid="undo-delete" onClick={() => void undo()}>
        Undo
      </button>{' '}
      <a href="#contacts">All contacts</a>
      {error && <span role="alert"> {error}</span>}
    </p>
  );
}

/** The seller's corrections: name, title, addresses (one per line). */
function EditContact({ contact, onSaved }: { contact: Contact; onSaved: () => void }) {
  const api = useApi();
  const [name, setName] = useState(contact.name);
  const [title, setTitle] = useState(contact.title ?? '');
  const [emails, setEmails] = useState(contact.emails.join('\n'));
  const [message, setMessage] = useState('');
  const save = async (event: Event) => {
    event.preventDefault();
    const result = await api('contact.update', {
      contactId: contact.id,
      name,
      title,
      emails: splitList(emails).map((e) => e.toLowerCase()),
    });
    setMessage(result.ok ? 'Saved.' : result.error.message);
    if (result.ok) onSaved();
  };
  return (
    <form class="edit" data-testid="contact-edit" onSubmit={(e) => void save(e)}>
      <fieldset>
        <legend>Edit</legend>
        <label>
          Name <input value={name} onInput={(e) => setName(e.currentTarget.value)} required />
        </label>
        <label>
          Title <input value={title} onInput={(e) => setTitle(e.currentTarget.value)} />
        </label>
        <label>
          Addresses, one per line <textarea rows={3} value={emails} onInput={(e) => setEmails(e.currentTarget.value)} />
        </label>
        <button type="submit" data-testid="contact-save">
          Save
        </button>
        {message && <p role="status">{message}</p>}
      </fieldset>
    </form>
  );
}
