type Frame = { kind: 'object'; path: string; key: string; expectKey: boolean } | { kind: 'array'; path: string };

/**
 * The line each element of each top-level array starts on (`data.contacts` → [12, 30, …]),
 * so a restore can name a bad record by its line as an import names a bad row. JSON.parse
 * cannot say where a value was; this walks the text once, already known to be valid JSON.
 * Arrays inside records are not listed.
 */
export function arrayElementLines(text: string): Map<string, number[]> {
  const lines = new Map<string, number[]>();
  const stack: Frame[] = [];
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      line++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === ':') continue;
    const top = stack[stack.length - 1];
    if (c === ',') {
      if (top?.kind === 'object') top.expectKey = true;
      continue;
    }
    if (c === '}' || c === ']') {
      stack.pop();
      continue;
    }
    if (top?.kind === 'object' && top.expectKey) {
      const end = stringEnd(text, i);
      top.key = JSON.parse(text.slice(i, end + 1)) as string;
      top.expectKey = false;
      i = end;
      continue;
    }
    // A value starts here.
    if (top?.kind === 'array' && !top.path.includes('[]')) {
      const list = lines.get(top.path) ?? [];
      list.push(line);
      lines.set(top.path, list);
    }
    const path = !top ? '' : top.kind === 'object' ? (top.path ? `${top.path}.${top.key}` : top.key) : `${top.path}[]`;
    if (c === '{') stack.push({ kind: 'object', path, key: '', expectKey: true });
    else if (c === '[') stack.push({ kind: 'array', path });
    else if (c === '"') i = stringEnd(text, i);
    else while (i + 1 < text.length && !/[\s,}\]]/.test(text[i + 1] ?? '')) i++;
  }
  return lines;
}

/** Index of the quote that closes the string opening at `start`. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i;
  }
  return text.length - 1;
}
