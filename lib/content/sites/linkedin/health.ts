import type { Check as SiteCheck, Reading as SiteReading } from '../health';

/** One name per thing a LinkedIn reader looks for; stable, so the sidebar and bug reports can quote it. */
export type LinkedInReader =
  /** The profile's top card: the section that belongs to the slug in the URL. */
  | 'profile.card'
  /** The person's name in that card (a heading). */
  | 'profile.name'
  /** An open conversation: the other people in it. */
  | 'messaging.participants'
  /** Each message's sender. */
  | 'messaging.sender'
  /** Each message's time. */
  | 'messaging.time';

export type Check = SiteCheck<LinkedInReader>;
export type Reading<T> = SiteReading<T, LinkedInReader>;
