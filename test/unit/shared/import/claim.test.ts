import { describe, expect, it } from 'vitest';
import { claimedMe, claimSeller, type MeInSettings } from '@/lib/shared/import';
import { seller } from '../../../helpers/records';
import { importCsv, ME_SETTINGS, NOW } from './helpers';

const me = (over: Partial<MeInSettings & { linkedinId: string }> = {}) => ({ ...ME_SETTINGS, ...over });

describe('claimedMe: the settings learn how the CRM names the seller', () => {
  it.each([
    [
      'the owner’s name replaces a CRM name that did not match',
      me(),
      seller({ name: 'S. Seller', emails: ['s.seller@crm.example'] }),
      me({ crmOwnerName: 'S. Seller', emails: ['sam@ourco.example', 's.seller@crm.example'] }),
    ],
    [
      'an empty CRM name is filled',
      me({ crmOwnerName: '' }),
      seller({ name: 'Sam S', emails: [] }),
      me({ crmOwnerName: 'Sam S' }),
    ],
    [
      'an address the settings know is not added twice',
      me(),
      seller({ name: 'Samantha Seller', emails: ['sam@ourco.example'] }),
      me(),
    ],
    [
      'an owner named only by address adds the address, not a name',
      me(),
      seller({ name: 'sam@crm.example', emails: ['sam@crm.example'] }),
      me({ emails: ['sam@ourco.example', 'sam@crm.example'] }),
    ],
    ['the same name in other case changes nothing', me(), seller({ name: 'SAM SELLER', emails: [] }), me()],
    [
      'their LinkedIn id fills an empty one',
      me(),
      seller({ name: 'Samantha Seller', emails: [], linkedinId: 'sam-seller' }),
      me({ linkedinId: 'sam-seller' }),
    ],
  ])('%s', (_, before, owner, after) => expect(claimedMe(before, owner)).toEqual(after));
});

describe('claimSeller over a HubSpot export that matched nobody', () => {
  it('the chosen owner’s contacts become the seller’s, the others stay with their owners', () => {
    const stranger = { name: 'Someone Else', emails: ['someone@else.example'], crmOwnerName: '' };
    const { plan } = importCsv(
      [
        '"Record ID","First Name","Last Name","Email","Contact owner","Lifecycle Stage"',
        '"1","Jane","Doe","jane@acme.example","Samantha Seller","Customer"',
        '"2","Raj","Patel","raj@acme.example","Alex Colleague","Lead"',
        '"3","Lena","Fischer","lena@globex.example","Samantha Seller","Customer"',
      ].join('\r\n'),
      { me: stranger },
    );
    expect(plan.meFound).toBe(false);
    expect(plan.owners.map((o) => [o.name, o.rows, o.isMe])).toEqual([
      ['Samantha Seller', 2, false],
      ['Alex Colleague', 1, false],
    ]);
    const sam = plan.create.sellers.find((s) => s.name === 'Samantha Seller');
    if (!sam) throw new Error('no seller');
    const claim = claimSeller(sam, { touches: [], contacts: plan.create.contacts }, stranger, NOW);
    expect(claim.contacts.map((c) => [c.name, c.ownerId, c.updatedAt])).toEqual([
      ['Jane Doe', 'me', NOW],
      ['Lena Fischer', 'me', NOW],
    ]);
    expect(claim.me).toEqual({ ...stranger, crmOwnerName: 'Samantha Seller' });
  });
});
