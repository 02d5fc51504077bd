/**
 * What Rapport knows of LinkedIn's markup, each with the capture or public project that shows it.
 * LinkedIn serves two DOMs at once: the classic Ember one with semantic classes (captured 2022 and
 * 2024, test/fixtures/linkedin/) and, since 2024-2026, one with hashed class names where the name
 * is an `h2` (vertexcover-io/linkedin-spider, src/linkedin_spider/scrapers/profile.py, commits
 * 116db01 of 2026-03-07 and f92ac92 of 2026-03-30). So class names are a first try only; the
 * readers fall back to structure: URL, `main`, `section`, headings, `p`, and links by address.
 */
export const LINKEDIN = {
  /** The profile's top card in the classic DOM: `section.artdeco-card[data-member-id]` (2022, 2024 captures). */
  topCard: 'section[data-member-id]',
  /** Headline, first try: `div.text-body-medium.break-words` (2022, 2024 captures). */
  headline: '.text-body-medium.break-words',
  /** Location, first try (2022, 2024 captures; joeyism/linkedin_scraper 3.0 `_get_name_and_location`). */
  location: 'span.text-body-small.inline.t-black--light.break-words',
  /** The Experience card's anchor (2024 capture: `div#experience` in `section[data-view-name=profile-card]`). */
  experienceAnchor: '#experience',
  /** The visible copy of each line of an experience entry; `span.visually-hidden` repeats it (2024 capture). */
  entryLine: 'span[aria-hidden="true"]',
  /**
   * Where the contact-info overlay shows e-mail addresses: a dialog (joeyism/linkedin_scraper 3.0
   * `_get_contacts` reads `dialog, [role="dialog"]`), LinkedIn's modal, or the 2018 capture's section.
   */
  contactInfo: '[role="dialog"], dialog, .artdeco-modal, section.pv-contact-info',
  /**
   * Messaging (no capture exists; vertexcover-io/linkedin-spider scrapers/conversations.py of
   * 2026-03-19, sarahcallmesmadds/productivity_personal-email-slack-assistant
   * personal_linkedin_dm_assistant/selectors.js): one conversation is the thread page's pane or an
   * overlay bubble; its header links the other person's profile; messages are list events with
   * `data-event-urn`, grouped by sender with the sender's profile link and a time; day headings
   * separate the days.
   */
  conversation: '.msg-convo-wrapper, .msg-overlay-conversation-bubble, .msg-thread',
  conversationHeader:
    '.msg-thread__link-to-profile, .msg-overlay-bubble-header a[href*="/in/"], .msg-entity-lockup a[href*="/in/"], header a[href*="/in/"]',
  event: '[data-event-urn]',
  eventGroup: '.msg-s-message-group, [data-message-group]',
  senderLink: 'a.msg-s-message-group__profile-link, a[href*="/in/"]',
  senderName: '.msg-s-message-group__name',
  groupTime: 'time.msg-s-message-group__timestamp, time',
  dayHeading: 'time.msg-s-message-list__time-heading, [data-day-heading]',
} as const;
