import type { Account } from '@/lib/shared/model';
import { type RelationshipReason, reason } from './reasons';

/**
 * Did the person change jobs? Compares the contact's account with the current company read
 * from their LinkedIn profile. LinkedIn company ids decide when both sides have one; names are
 * compared otherwise, normalised so "Acme Inc.", "ACME" and "The Acme Company" are one name.
 */
export type JobChangeStatus = 'same' | 'changed' | 'unknown';

export interface JobChange {
  status: JobChangeStatus;
  reason: RelationshipReason;
}

export interface CurrentCompany {
  name?: string;
  /** LinkedIn's company id, from a `/company/<id>/` link. */
  linkedinCompanyId?: string;
}

// Legal forms and filler that say nothing about which company it is, in the languages sellers meet most.
const LEGAL_FORMS = new Set(
  (
    'inc incorporated corp corporation co company companies llc llp lp ltd limited plc pllc ' +
    'gmbh mbh ag kg kgaa ohg ug ev se sa sas sasu sarl de cv srl spa sl bv nv vof ' +
    'oy oyj ab as asa aps pty pte kk group holding holdings and'
  ).split(' '),
);

/** Lower-case, no accents or punctuation, no leading "the", no trailing legal form. */
export function normaliseCompanyName(name: string): string {
  const tokens = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  // Initials written with dots ("S.A.", "A. O. Smith") become one word: "sa", "ao smith".
  const words: string[] = [];
  let joining = false;
  for (const token of tokens) {
    const initial = token.length === 1 && /\p{L}/u.test(token);
    if (initial && joining) words[words.length - 1] += token;
    else words.push(token);
    joining = initial;
  }
  if (words[0] === 'the' && words.length > 1) words.shift();
  while (words.length > 1 && LEGAL_FORMS.has(words.at(-1) ?? '')) words.pop();
  return words.join(' ');
}

const normaliseId = (id: string) => id.trim().toLowerCase().replace(/\/+$/, '');

export function jobChange(
  account: Pick<Account, 'name' | 'linkedinCompanyId'> | undefined,
  current: CurrentCompany,
): JobChange {
  const name = current.name?.trim() ?? '';
  const currentId = current.linkedinCompanyId ? normaliseId(current.linkedinCompanyId) : '';
  if (!name && !currentId) return result('unknown', reason('company_unknown', {}));
  if (!account) return result('unknown', reason('no_account', { company: name || currentId }));

  const accountId = account.linkedinCompanyId ? normaliseId(account.linkedinCompanyId) : '';
  let same: boolean;
  if (accountId && currentId) same = accountId === currentId;
  else if (name) same = normaliseCompanyName(account.name) === normaliseCompanyName(name);
  else return result('unknown', reason('company_unknown', {}));
  return same
    ? result('same', reason('same_company', { company: account.name }))
    : result('changed', reason('company_changed', { from: account.name, to: name || currentId }));
}

const result = (status: JobChangeStatus, why: RelationshipReason): JobChange => ({ status, reason: why });
