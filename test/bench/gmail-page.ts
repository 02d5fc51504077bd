/**
 * A heavy, Gmail-like page for the benchmark: the shell nested as deep as Gmail's (about
 * 30 levels), an inbox list of 100 rows and room for a thread of 100 messages. Markup follows
 * the real captures in test/fixtures/gmail (row `tr.zA` with `span[email][name]`, message
 * `div.adn[data-message-id][data-legacy-message-id]` with `span.gD[email]`, subject
 * `h2.hP[data-legacy-thread-id]`), so readers that work on the fixtures work here.
 */

const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** Gmail's legacy message id: send time in ms shifted left by 20 bits, plus a counter. */
export function legacyId(at: number, n: number): string {
  return ((BigInt(at) << 20n) + BigInt(n)).toString(16).padStart(16, '0');
}

const nest = (depth: number, inner: string) => '<div class="nH">'.repeat(depth) + inner + '</div>'.repeat(depth);

export function inboxRows(count: number, emailOf: (i: number) => string): string {
  const rows = Array.from({ length: count }, (_, i) => {
    const email = esc(emailOf(i));
    return `<tr class="zA ${i % 3 ? 'yO' : 'zE'}"><td class="yX xY"><div class="yW"><span class="bA4"><span class="zF" email="${email}" name="Person ${i}">Person ${i}</span></span><span class="afn" email="${email}" style="display:none">${email}</span></div></td><td class="xY a4W"><div class="xS"><span class="bog">Subject ${i}</span><span class="y2"> - snippet text ${i}</span></div></td><td class="xW xY"><span title="date">12:0${i % 10}</span></td></tr>`;
  });
  return `<table class="F cf zt"><tbody>${rows.join('')}</tbody></table>`;
}

/** One open conversation: `count` messages alternating between the customer and me. */
export function threadMarkup(threadNo: number, customer: string, me: string, count: number, start: number): string {
  const messages = Array.from({ length: count }, (_, i) => {
    const at = start + i * 3_600_000;
    const id = legacyId(at, threadNo * 1000 + i);
    const from = i % 2 === 0 ? customer : me;
    const to = i % 2 === 0 ? me : customer;
    const expanded = i >= count - 3;
    return `<div role="listitem" class="${expanded ? 'h7' : 'kv'}"><div class="adn${expanded ? ' ads' : ''}" data-message-id="#msg-f:${BigInt(`0x${id}`).toString()}" data-legacy-message-id="${id}"><div class="gs"><div class="gE iv gt"><table class="cf gJ"><tbody><tr class="acZ"><td class="gF gK"><h3 class="iw"><span class="qu"><span class="gD" email="${esc(from)}" name="${esc(from.split('@')[0] ?? '')}" data-hovercard-id="${esc(from)}">${esc(from)}</span></span></h3></td><td class="gH"><span class="g3" title="date ${i}">${i}</span></td></tr>${expanded ? `<tr><td><span class="hb">to <span class="g2" email="${esc(to)}" name="${esc(to)}" data-hovercard-id="${esc(to)}">${esc(to)}</span></span></td></tr>` : ''}</tbody></table></div>${expanded ? '<div class="ii gt"><div class="a3s aiL">Body text is never read.</div></div>' : ''}</div></div></div>`;
  });
  return `<div class="a98 iY"><div class="ha"><h2 class="hP" data-legacy-thread-id="${legacyId(start, threadNo)}" data-thread-perm-id="thread-f:${BigInt(`0x${legacyId(start, threadNo)}`).toString()}">Thread ${threadNo}</h2></div><div role="list">${messages.join('')}</div></div>`;
}

/** The page shell: title with the account, 30 levels of wrappers, the list and an empty main area. */
export function gmailPage(me: string, inbox: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Inbox (12) - ${esc(me)} - Gmail</title></head><body>${nest(
    14,
    `<div class="aeF">${nest(8, `<div role="main" class="bench-main">${nest(6, `<div class="ae4 UI">${inbox}</div>`)}<div class="bench-thread"></div></div>`)}</div><div class="dw"><div class="nH"><div class="nH"><div class="no"><div class="AD"></div></div></div></div></div>`,
  )}</body></html>`;
}
