/**
 * Which LinkedIn page a URL is. Only the first path segments count: a profile keeps `/in/<slug>/`
 * in front of its sub-routes (`/overlay/contact-info/`, `/details/experience/`), as
 * joshuatz/linkedin-to-jsonresume (src/main.js, getProfileId) and joeyism/linkedin_scraper
 * (scrapers/person.py) both rely on.
 */
export type LinkedInRoute =
  /** `slug`: the public id, decoded; `contactInfo`: the contact-info overlay is open. */
  | { page: 'profile'; slug: string; contactInfo: boolean }
  /** `/messaging/` and `/messaging/thread/<id>/`. */
  | { page: 'messaging'; threadId?: string }
  | { page: 'other' };

const decode = (part: string) => {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
};

export function parseLinkedInUrl(url: string): LinkedInRoute {
  const path = new URL(url).pathname;
  const profile = /^\/in\/([^/?#]+)(\/.*)?$/.exec(path);
  if (profile?.[1]) {
    return {
      page: 'profile',
      slug: decode(profile[1]),
      contactInfo: /^\/overlay\/contact-info\b/.test(profile[2] ?? ''),
    };
  }
  const messaging = /^\/messaging(?:\/thread\/([^/?#]+))?/.exec(path);
  if (messaging) return messaging[1] ? { page: 'messaging', threadId: decode(messaging[1]) } : { page: 'messaging' };
  return { page: 'other' };
}

/** `/in/<id>/...` → `<id>`, decoded; undefined on any other page. */
export function profileIdFromUrl(url: string): string | undefined {
  const route = parseLinkedInUrl(url);
  return route.page === 'profile' ? route.slug : undefined;
}

/** The profile slug a link points to (`/in/<slug>/…`, relative or absolute), or undefined. */
export function slugOfLink(href: string | null | undefined): string | undefined {
  if (!href) return undefined;
  try {
    return profileIdFromUrl(new URL(href, 'https://www.linkedin.com/').href);
  } catch {
    return undefined;
  }
}

/** `/company/1000001/` or `/company/acme/about/` → `1000001` / `acme`. */
export function companyIdFromHref(href: string): string | undefined {
  return /\/company\/([^/?#]+)/.exec(href)?.[1];
}
