import { computed, signal } from '@preact/signals';
import type { Requester } from '@/lib/messaging/client';
import type { Card, ResponseOf } from '@/lib/messaging/protocol';
import type { Contact } from '@/lib/shared/model';

/** Where the sidebar sits (lib/content/dock.ts computes it; kept as plain data here). */
export interface DockPlace {
  /** px from the right edge: the width of the site's own panel there. */
  right: number;
  /** No room beside the site's panels: shown as the slim tab, without changing the saved choice. */
  cramped: boolean;
  /** In the site's own column (Gmail's right column), laid out by the site: no fixed offset. */
  inColumn?: boolean;
}

/** A person the page shows, as the site adapter read them. */
export interface PagePerson {
  name: string;
  email?: string;
  linkedinId?: string;
  /** On a LinkedIn profile: the current company, which becomes their account when tracked. */
  company?: { name: string; linkedinCompanyId?: string };
  /** On a LinkedIn profile: the current position's title. */
  title?: string;
}

/** How a LinkedIn profile matched a contact (lib/background/linkedin-match.ts). */
export type ProfileMatch = ResponseOf<'people.lookup'>['matches'][number];

export interface PersonView extends PagePerson {
  /** null: looked up and not tracked; undefined: not looked up yet. */
  contact: Contact | null | undefined;
  /** What Rapport knows of a tracked contact: trust, next touch, history, account. */
  card?: Card;
  /** A LinkedIn profile: how it matched, and the contacts to confirm or choose from. */
  match?: ProfileMatch;
  candidates?: Contact[];
  error?: string;
}

export interface SidebarEvents {
  /** Which site's sidebar this is: the collapsed state is remembered per site. */
  site?: 'gmail' | 'linkedin';
  /** The seller tracked someone or confirmed the account: the page should be read and recorded again. */
  onChange?: () => void;
  /** Shown in the browser's side panel: no collapsing or docking, the panel is the browser's. */
  inPanel?: boolean;
  /**
   * Framed into a site's page (Gmail): the content script owns the host's size, so the toggle
   * asks it (through the background) instead of collapsing here, and the layout comes from it.
   */
  onToggle?: () => void;
}

/** The sidebar's state: who is on the page and what Rapport knows of them. */
export function createSidebarState(request: Requester, events: SidebarEvents = {}) {
  const people = signal<PersonView[]>([]);
  /** The seller's choice, remembered per site. */
  const collapsed = signal(false);
  const dock = signal<DockPlace>({ right: 0, cramped: false });
  /** The seller opened the tab while there is no room: shown open until the room comes back. */
  const openAnyway = signal(false);
  /** What is on screen: the seller's choice, or the tab when there is no room beside the site's panels. */
  /** Framed: what the content script says is on screen (it decides, from the page's room). */
  const shownByPage = signal<boolean | undefined>(undefined);
  const shownCollapsed = computed(
    () => shownByPage.value ?? (collapsed.value || (dock.value.cramped && !openAnyway.value)),
  );
  const message = signal<string>('');
  const count = computed(() => people.value.length);
  /** Follows the page: a dark sidebar on a dark Gmail or LinkedIn. */
  const dark = signal(false);
  /** Readers that found nothing where the page should have it (the site changed its markup). */
  const health = signal<string[]>([]);
  /** The site account open on the page (Gmail), and whether the seller confirmed it is for work. */
  const account = signal<{ address: string; confirmed: boolean } | undefined>(undefined);
  let generation = 0;
  let appliedGeneration = 0;
  let shownKey: string | undefined;

  const key = (p: PagePerson) => (p.email ? { email: p.email } : { linkedinId: p.linkedinId });

  /** Shows these people and looks them up in one request; an answer that arrives after the page moved on is dropped. */
  async function show(next: PagePerson[], emptyMessage = '') {
    const nextKey = next.map((p) => p.email ?? p.linkedinId).join(' ');
    // The same people again (new touches were recorded): keep their cards on screen until the
    // fresh answer comes, and let an earlier answer still land, so the card never waits twice.
    const samePeople = nextKey === shownKey;
    const mine = ++generation;
    if (!samePeople) {
      shownKey = nextKey;
      appliedGeneration = 0;
      people.value = next.map((p) => ({ ...p, contact: undefined }));
    }
    message.value = emptyMessage;
    if (next.length === 0) return;
    const result = await request('people.lookup', {
      emails: next.flatMap((p) => (p.email ? [p.email] : [])),
      linkedinIds: next.flatMap((p) => (p.linkedinId ? [p.linkedinId] : [])),
      profiles: next
        .flatMap((p) =>
          p.linkedinId
            ? [
                {
                  linkedinId: p.linkedinId,
                  name: p.name,
                  emails: p.email ? [p.email] : [],
                  ...(p.company ? { company: p.company } : {}),
                },
              ]
            : [],
        )
        .slice(0, 5),
    });
    if (nextKey !== shownKey || mine < appliedGeneration) return;
    appliedGeneration = mine;
    const contacts = result.ok ? result.data.contacts : [];
    const match = (p: PagePerson) =>
      contacts.find(
        (c) => (p.email && c.emails.includes(p.email)) || (p.linkedinId && c.linkedinId === p.linkedinId),
      ) ?? null;
    const cardOf = (contact: Contact | null) =>
      result.ok && contact ? result.data.cards.find((c) => c.contactId === contact.id) : undefined;
    people.value = next.map((p) => {
      if (!result.ok) return { ...p, contact: undefined, error: result.error.message };
      const profileMatch = (result.data.matches ?? []).find((m) => m.linkedinId === p.linkedinId);
      const candidates = profileMatch?.contactIds.flatMap((id) => contacts.filter((c) => c.id === id)) ?? [];
      const linked = profileMatch ? { match: profileMatch, candidates } : {};
      // Two contacts claim this profile: no card until the seller says which one it is.
      if (profileMatch?.kind === 'conflict') return { ...p, ...linked, contact: null };
      const contact = match(p);
      const card = cardOf(contact);
      return card ? { ...p, ...linked, contact, card } : { ...p, ...linked, contact };
    });
  }

  /** Collapse or expand, and remember it for this site. */
  function setCollapsed(value: boolean) {
    collapsed.value = value;
    if (events.site) void request('sidebar.setPrefs', { site: events.site, collapsed: value });
  }

  /**
   * The toggle (button or keyboard shortcut) acts on what is on screen. Opening a tab that was
   * collapsed for lack of room opens it over the page for now, and is not saved: the seller's
   * saved choice was "open" all along.
   */
  function toggle() {
    if (events.onToggle) return events.onToggle();
    if (!shownCollapsed.value) {
      openAnyway.value = false;
      setCollapsed(true);
      return;
    }
    if (collapsed.value) setCollapsed(false);
    if (dock.value.cramped) openAnyway.value = true;
  }

  /** A new place from the docker; once there is room again, the sidebar follows the saved choice. */
  function setDock(next: DockPlace) {
    if (!next.cramped) openAnyway.value = false;
    const now = dock.value;
    if (next.right !== now.right || next.cramped !== now.cramped || !!next.inColumn !== !!now.inColumn) {
      dock.value = next;
    }
  }

  /** Reads how the seller left the sidebar on this site; call before mounting, so it opens that way. */
  async function loadPrefs() {
    if (!events.site) return;
    const result = await request('sidebar.prefs', { site: events.site });
    if (result.ok) collapsed.value = result.data.collapsed;
  }

  /** A quick action from a card: send it, then show everyone's cards again with its effect. */
  async function act(run: () => ReturnType<Requester>) {
    const result = await run();
    if (!result.ok) {
      message.value = result.error.message;
      return;
    }
    await refresh();
  }

  /** Looks the same people up again (after an action or a new touch), keeping their cards meanwhile. */
  function refresh() {
    return show(
      people.value.map(({ name, email, linkedinId, company, title }) => ({
        name,
        ...(email ? { email } : {}),
        ...(linkedinId ? { linkedinId } : {}),
        ...(company ? { company } : {}),
        ...(title ? { title } : {}),
      })),
      message.value,
    );
  }

  /** Never show this address again: it leaves the list now and on every page. */
  async function ignore(person: PersonView) {
    if (!person.email) return;
    const result = await request('address.ignore', { email: person.email });
    if (!result.ok) return;
    people.value = people.value.filter((p) => p !== person);
    events.onChange?.();
  }

  async function confirmAccount() {
    const current = account.value;
    if (!current || current.confirmed) return;
    const result = await request('account.confirm', { account: current.address });
    if (result.ok) {
      account.value = { ...current, confirmed: true };
      events.onChange?.();
    }
  }

  /** Tracking someone from a page also confirms the page's account: the seller works from it. */
  async function track(person: PersonView) {
    await confirmAccount();
    const result = await request('contact.track', {
      name: person.name,
      ...key(person),
      ...(person.linkedinId && person.email ? { linkedinId: person.linkedinId } : {}),
      ...(person.company ? { company: person.company } : {}),
      ...(person.title ? { title: person.title } : {}),
    });
    people.value = people.value.map((p) =>
      p === person
        ? result.ok
          ? { ...p, contact: result.data, error: undefined }
          : { ...p, error: result.error.message }
        : p,
    );
    if (result.ok) {
      events.onChange?.();
      // Look everyone up again so the new contact's card (trust, next touch) appears.
      await refresh();
    }
  }

  /** The seller says this LinkedIn profile is that contact (confirming a name match, or choosing one of two). */
  function linkProfile(person: PersonView, contactId: string) {
    if (!person.linkedinId) return Promise.resolve();
    const linkedinId = person.linkedinId;
    return act(() => request('profile.link', { contactId, linkedinId }));
  }

  /** The person moved: their contact joins the company the profile shows. */
  function moveToCompany(person: PersonView) {
    const contactId = person.contact?.id;
    const company = person.company;
    if (!contactId || !company) return Promise.resolve();
    return act(() =>
      request('contact.moveToCompany', { contactId, company, ...(person.title ? { title: person.title } : {}) }),
    );
  }

  return {
    linkProfile,
    moveToCompany,
    inPanel: !!events.inPanel,
    framed: !!events.onToggle,
    shownByPage,
    people,
    collapsed,
    shownCollapsed,
    dock,
    dark,
    message,
    count,
    health,
    account,
    show,
    track,
    confirmAccount,
    ignore,
    setCollapsed,
    toggle,
    setDock,
    loadPrefs,
    act,
    request,
  };
}

export type SidebarState = ReturnType<typeof createSidebarState>;
