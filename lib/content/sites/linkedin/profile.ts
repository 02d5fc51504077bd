/**
 * LinkedIn profile reading. The public id in the URL is the key: it is stable, and unlike
 * the page's embedded JSON it cannot belong to the viewer or to the previous profile
 * (site-dom.md B1, B6). Everything else is read from structure that does not depend on the
 * UI language; class names are a first try only, because LinkedIn hashes them (B3).
 */

/** `/in/<id>/...` → `<id>`, decoded; undefined on any other page. */
export function profileIdFromUrl(url: string): string | undefined {
  const match = /^\/in\/([^/?#]+)/.exec(new URL(url).pathname);
  if (!match?.[1]) return undefined;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return match[1];
  }
}

/**
 * The profile's name from `document.title` ("(3) Jane Doe | LinkedIn"): the notification
 * prefix stripped (site-dom.md B1, the 2022 fixture's original title).
 */
export function profileNameFromTitle(title: string): string {
  return title
    .replace(/^\(\d+\+?\)\s*/, '')
    .replace(/\s*\|\s*LinkedIn\s*$/i, '')
    .trim();
}

export interface CurrentCompany {
  name?: string;
  /** The numeric id or slug from `/company/<id>/`, when the page links the company. */
  linkedinCompanyId?: string;
}

const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() || undefined;

/** `/company/1000001/` or `/company/acme/about/` → `1000001` / `acme`. */
export function companyIdFromHref(href: string): string | undefined {
  return /\/company\/([^/?#]+)/.exec(href)?.[1];
}

/**
 * The current company, first from the Experience card's first entry (the company link gives
 * the id; its second line is "Acme Corp · Full-time"), else from the top card's company entry.
 * Evidence: the 2024-07 capture (Experience card, `a[data-field=experience_company_logo]
 * [href*="/company/"]`), the 2022-03 capture (`a[href="#experience"]` in the top card).
 */
export function readCurrentCompany(root: ParentNode): CurrentCompany | undefined {
  const experience = root.querySelector('#experience')?.closest('section');
  const firstEntry = experience?.querySelector('li');
  const link = firstEntry?.querySelector<HTMLAnchorElement>('a[href*="/company/"]');
  if (firstEntry && link) {
    const lines = [...firstEntry.querySelectorAll('span[aria-hidden="true"]')].map((s) => text(s));
    const name = lines[1]?.split(' · ')[0];
    const linkedinCompanyId = companyIdFromHref(link.getAttribute('href') ?? '');
    return { ...(name ? { name } : {}), ...(linkedinCompanyId ? { linkedinCompanyId } : {}) };
  }
  const topCard =
    root.querySelector('a[href="#experience"]') ?? root.querySelector('.pv-text-details__right-panel li:first-child');
  const name = text(topCard);
  return name ? { name } : undefined;
}
