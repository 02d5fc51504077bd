// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { failedReaders, findComposeRoots, findSendButton, readCompose } from '@/lib/content/sites/gmail';
import { loadFixture, SKELETON } from './load-fixture';

const recipientsOf = (root: Element) =>
  readCompose(root).value.recipients.map((r) => `${r.field}:${r.email}${r.typed ? ' (typed)' : ''}`);

describe('the skeleton compose window (chip UI)', () => {
  const doc = loadFixture(SKELETON);
  const roots = findComposeRoots(doc);

  it('finds the one compose window and reads its chip', () => {
    expect(roots).toHaveLength(1);
    const [root] = roots as [Element];
    const { value, health } = readCompose(root);
    expect(value).toEqual({
      recipients: [{ email: 'customer@example.org', name: 'Chris Customer', field: 'to', typed: false }],
      draftId: 'r123456789',
      inline: false,
    });
    // The skeleton has no send button: the health report says so, the rest works.
    expect(failedReaders(health)).toEqual(['compose.send']);
  });

  it('reads chips as the seller adds them', () => {
    const [root] = roots as [Element];
    const listbox = root.querySelector('[role=listbox] > div > div');
    const chip = doc.createElement('div');
    chip.setAttribute('role', 'option');
    chip.setAttribute('data-hovercard-id', 'pat@prospect.example');
    chip.setAttribute('data-name', 'Pat Prospect');
    listbox?.append(chip);
    expect(recipientsOf(root)).toEqual(['to:customer@example.org', 'to:pat@prospect.example']);
    const typing = root.querySelector<HTMLInputElement>('input[peoplekit-id]') as HTMLInputElement;
    typing.value = 'dana@lak';
    expect(recipientsOf(root)).toHaveLength(2); // not an address yet
    typing.value = 'dana@lakoach.example';
    expect(recipientsOf(root)).toEqual([
      'to:customer@example.org',
      'to:pat@prospect.example',
      'to:dana@lakoach.example (typed)',
    ]);
  });
});

describe('variant: chip UI, classic UI and an inline reply', () => {
  const doc = loadFixture('variants/SYNTHETIC-compose-chips-classic-inline.html');
  const roots = findComposeRoots(doc);

  it('finds all three compose roots', () => {
    expect(roots).toHaveLength(3);
    expect(roots.map((r) => readCompose(r).value.inline)).toEqual([true, false, false]);
  });

  it('inline reply', () => {
    const { value, health } = readCompose(roots[0] as Element);
    expect(value.recipients).toEqual([
      { email: 'klara.kunde@kunde.example', name: 'Klara Kunde', field: 'to', typed: false },
    ]);
    expect(value.subject).toBe('AW: Angebot für Q3');
    expect(failedReaders(health)).toEqual([]);
  });

  it('chip UI: To and Cc chips, the address being typed, markup in a name kept as text', () => {
    const { value, health } = readCompose(roots[1] as Element);
    expect(value.recipients).toEqual([
      { email: 'klara.kunde@kunde.example', name: 'Klara Kunde', field: 'to', typed: false },
      { email: 'paul.partner@kunde.example', name: '<img src=x onerror=alert(1)>', field: 'to', typed: false },
      { email: 'pat@mail.ourco.example', name: 'Pat Kollege', field: 'cc', typed: false },
      { email: 'neu@interessent.example', field: 'to', typed: true },
    ]);
    expect(value.subject).toBe('Angebot für Q3');
    expect(failedReaders(health)).toEqual([]);
  });

  it('classic UI: hidden "Name <email>" inputs and typed text; half-typed addresses are left out', () => {
    const { value, health } = readCompose(roots[2] as Element);
    expect(value.recipients).toEqual([
      { email: 'chris@customer.example', name: 'Chris Customer', field: 'to', typed: false },
      { email: 'dana@lakoach.example', field: 'to', typed: false },
      { email: 'boss@ourco.example', name: 'Boss, The', field: 'cc', typed: false },
      { email: 'pat@prospect.example', name: 'Pat Prospect', field: 'to', typed: true },
    ]);
    expect(value.subject).toBeUndefined();
    expect(failedReaders(health)).toEqual([]);
  });

  it('finds each send button by structure, skipping the look-alike another extension added', () => {
    const buttons = roots.map((r) => findSendButton(r));
    expect(buttons.every((b) => b?.getAttribute('role') === 'button')).toBe(true);
    expect(buttons.map((b) => b?.classList.contains('gmailjs'))).toEqual([false, false, false]);
    expect(buttons.map((b) => b?.hasAttribute('aria-haspopup'))).toEqual([false, false, false]);
    // Each belongs to its own compose.
    expect(buttons.every((b, i) => b && roots[i]?.contains(b))).toBe(true);
  });

  it('the send button is found without its label', () => {
    const root = roots[1] as Element;
    const button = findSendButton(root);
    if (button) button.textContent = '';
    button?.removeAttribute('data-tooltip');
    expect(findSendButton(root)).toBe(button);
  });

  it('a compose without recipient fields fails its recipients check', () => {
    const root = roots[2] as Element;
    const copy = root.cloneNode(true) as Element;
    for (const el of copy.querySelectorAll('[name=to], [name=cc], [name=bcc]')) el.removeAttribute('name');
    expect(failedReaders(readCompose(copy).health)).toEqual(['compose.recipients']);
  });
});

describe('variant: right-to-left compose', () => {
  it('reads an Arabic-named chip and the send button', () => {
    const doc = loadFixture('variants/SYNTHETIC-thread-rtl-he.html');
    const [root] = findComposeRoots(doc) as [Element];
    const { value, health } = readCompose(root);
    expect(value.recipients).toEqual([{ email: 'sara@amil.example', name: 'سارة أحمد', field: 'to', typed: false }]);
    expect(value.subject).toBe('תשובה: הצעת מחיר');
    expect(failedReaders(health)).toEqual([]);
  });
});

describe('compose roots without div.M9', () => {
  it('falls back to a dialog holding a form with a recipient field', () => {
    const doc = new DOMParser().parseFromString(
      '<div role="dialog"><form><div name="to"><div role="option" data-hovercard-id="a@b.example"></div></div></form></div><form><input name="q"></form>',
      'text/html',
    );
    const roots = findComposeRoots(doc);
    expect(roots.map((r) => r.getAttribute('role'))).toEqual(['dialog']);
    expect(recipientsOf(roots[0] as Element)).toEqual(['to:a@b.example']);
  });
});

describe('draft id', () => {
  it('is absent until Gmail has saved a draft', () => {
    const [root] = findComposeRoots(loadFixture(SKELETON)) as [Element];
    root.querySelector('input[name=draft]')?.setAttribute('value', '');
    expect(readCompose(root).value.draftId).toBeUndefined();
  });
});
