/**
 * Whether the page around the sidebar is dark, from a computed background colour: neither Gmail
 * nor LinkedIn marks its dark theme reliably in the markup (InboxSDK infers Gmail's from colours
 * too, track-gmail-styles.ts). One style read per page view, never per frame.
 */
export function looksDark(element: Element | null | undefined): boolean {
  if (!element) return false;
  const rgb = /rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*([\d.]+))?\)/.exec(getComputedStyle(element).backgroundColor);
  if (!rgb || rgb[4] === '0') return false;
  const [r, g, b] = [rgb[1], rgb[2], rgb[3]].map(Number) as [number, number, number];
  // Relative luminance, roughly: dark when well under the middle grey.
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255 < 0.4;
}
