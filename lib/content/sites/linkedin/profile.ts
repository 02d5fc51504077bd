/**
 * LinkedIn profile reading. The public id in the URL is the key: it is stable, and unlike
 * the page's embedded JSON it cannot belong to the viewer or to the previous profile
 * (site-dom.md B1, B6).
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
