/**
 * vCard content lines (RFC 2426 for 3.0, RFC 6350 for 4.0, and the 2.1 that older phones
 * still write): unfolding, `group.NAME;PARAM=a,b:value` splitting, quoted parameter values,
 * text escapes and quoted-printable.
 */

export interface ContentLine {
  /** 1-based line in the file where the (folded) line starts. */
  line: number;
  name: string;
  params: Map<string, string[]>;
  value: string;
}

/** Joins folded lines (a line starting with a space or tab continues the one before). */
export function contentLines(text: string): ContentLine[] {
  const physical = text.split(/\r\n|\n|\r/);
  const logical: { line: number; text: string }[] = [];
  physical.forEach((raw, i) => {
    const last = logical[logical.length - 1];
    // Quoted-printable (2.1) continues a line with a trailing `=`, and the next line is all content.
    if (last && isSoftBreak(last.text)) last.text = last.text.slice(0, -1) + raw;
    else if (last && /^[ \t]/.test(raw)) last.text += raw.slice(1);
    else logical.push({ line: i + 1, text: raw });
  });
  return logical.flatMap(({ line, text: t }) => {
    const parsed = t.trim() ? parseLine(t, line) : undefined;
    return parsed ? [parsed] : [];
  });
}

function isSoftBreak(text: string): boolean {
  const colon = text.indexOf(':');
  return colon > 0 && /QUOTED-PRINTABLE/i.test(text.slice(0, colon)) && text.endsWith('=');
}

function parseLine(text: string, line: number): ContentLine | undefined {
  const colon = indexOutsideQuotes(text, ':');
  if (colon < 0) return undefined;
  const [nameWithGroup = '', ...rawParams] = splitOutsideQuotes(text.slice(0, colon), ';');
  const name = nameWithGroup
    .slice(nameWithGroup.lastIndexOf('.') + 1)
    .trim()
    .toUpperCase();
  const params = new Map<string, string[]>();
  for (const raw of rawParams) {
    const eq = raw.indexOf('=');
    // 2.1 writes bare parameters: `EMAIL;INTERNET;WORK:` means TYPE=INTERNET,WORK.
    const key = eq < 0 ? (/^(QUOTED-PRINTABLE|BASE64|8BIT|7BIT)$/i.test(raw) ? 'ENCODING' : 'TYPE') : raw.slice(0, eq);
    const values = splitOutsideQuotes(eq < 0 ? raw : raw.slice(eq + 1), ',').map((v) => v.replace(/^"|"$/g, ''));
    const upper = key.trim().toUpperCase();
    params.set(upper, [...(params.get(upper) ?? []), ...values]);
  }
  return { line, name, params, value: decodeValue(text.slice(colon + 1), params) };
}

function indexOutsideQuotes(text: string, char: string): number {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '"') quoted = !quoted;
    else if (text[i] === char && !quoted) return i;
  }
  return -1;
}

function splitOutsideQuotes(text: string, char: string): string[] {
  const parts: string[] = [];
  let rest = text;
  for (let i = indexOutsideQuotes(rest, char); i >= 0; i = indexOutsideQuotes(rest, char)) {
    parts.push(rest.slice(0, i));
    rest = rest.slice(i + 1);
  }
  parts.push(rest);
  return parts;
}

function decodeValue(value: string, params: Map<string, string[]>): string {
  const encoding = (params.get('ENCODING') ?? []).map((e) => e.toUpperCase());
  if (!encoding.includes('QUOTED-PRINTABLE')) return value;
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const hex = value[i] === '=' ? value.slice(i + 1, i + 3) : '';
    if (/^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...new TextEncoder().encode(value[i]));
    }
  }
  const charset = params.get('CHARSET')?.[0] ?? 'utf-8';
  try {
    return new TextDecoder(charset).decode(new Uint8Array(bytes));
  } catch {
    return new TextDecoder('utf-8').decode(new Uint8Array(bytes));
  }
}

/** Splits a structured value (`N`, `ORG`) on unescaped `;`, then unescapes each part. */
export function components(value: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    if (value[i] === '\\') i++;
    else if (value[i] === ';') {
      parts.push(value.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(value.slice(start));
  return parts.map(unescapeText);
}

/** `\n`, `\,`, `\;`, `\\` in text values. */
export function unescapeText(value: string): string {
  return value.replace(/\\([\\,;:nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}
