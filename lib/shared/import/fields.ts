/**
 * The fields an import fills, and the column headers that mean each of them in the exports
 * sellers bring (HubSpot, Salesforce reports and Data Loader, Pipedrive, Google Contacts,
 * LinkedIn's Connections.csv) and in hand-made sheets. Headers are compared by `headerKey`,
 * so "First Name", "FirstName", "first_name" and "Person - First name" compare as intended.
 */

export const CONTACT_FIELDS = [
  'fullName',
  'firstName',
  'lastName',
  'email',
  'email2',
  'email3',
  'company',
  'title',
  'owner',
  'linkedin',
  'phone',
  'status',
  'customerSince',
] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

export const ACTIVITY_FIELDS = [
  'date',
  'type',
  'direction',
  'contactEmail',
  'contactLinkedin',
  'contactName',
  'seller',
  'subject',
  'externalId',
] as const;
export type ActivityField = (typeof ACTIVITY_FIELDS)[number];

export const PURCHASE_FIELDS = ['date', 'account', 'contactEmail', 'amount', 'currency', 'product'] as const;
export type PurchaseField = (typeof PURCHASE_FIELDS)[number];

export type ImportKind = 'contacts' | 'activities' | 'purchases';

/** Lower-case letters and digits only, accents dropped. */
export function headerKey(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/**
 * Header keys per field, best first: when a file has both "Lifecycle Stage" and "Lead Status",
 * the lifecycle stage is the one that says customer or not.
 */
export const CONTACT_SYNONYMS: Record<ContactField, readonly string[]> = {
  fullName: ['name', 'fullname', 'personname', 'contactname', 'displayname', 'contact'],
  // With the common German, French and Spanish words: European sheets are often hand-made.
  firstName: ['firstname', 'givenname', 'personfirstname', 'first', 'forename', 'vorname', 'prenom', 'nombre'],
  lastName: ['lastname', 'familyname', 'personlastname', 'surname', 'last', 'nachname', 'nom', 'apellido', 'apellidos'],
  email: [
    'email',
    'emailaddress',
    'email1value',
    'personemailwork',
    'personemail',
    'workemail',
    'primaryemail',
    'businessemail',
    'emails',
    'courriel',
    'correo',
    'correoelectronico',
  ],
  email2: [
    'otheremails',
    'additionalemailaddresses',
    'secondaryemail',
    'email2value',
    'personemailhome',
    'email2',
    'otheremail',
    'personalemail',
    'homeemail',
    // A second (third) column called just "Email".
    'email',
    'emailaddress',
  ],
  email3: ['email3value', 'personemailother', 'email3', 'email', 'emailaddress'],
  company: [
    'company',
    'companyname',
    'accountname',
    'organization',
    'organisation',
    'organizationname',
    'organization1name',
    'personorganization',
    'associatedcompany',
    'accountaccountname',
    'account',
    'employer',
    'firma',
    'unternehmen',
    'entreprise',
    'societe',
    'empresa',
  ],
  title: ['title', 'jobtitle', 'position', 'organizationtitle', 'organization1title', 'persontitle', 'personjobtitle'],
  owner: ['owner', 'contactowner', 'personowner', 'ownername', 'ownerfullname', 'salesperson', 'assignedto'],
  linkedin: [
    'linkedin',
    'linkedinurl',
    'linkedinprofile',
    'linkedinprofileurl',
    'personlinkedin',
    'personlinkedinurl',
    'personlinkedinprofile',
  ],
  phone: [
    'phone',
    'phonenumber',
    'phone1value',
    'personphonework',
    'personphone',
    'workphone',
    'businessphone',
    'mobile',
    'mobilephone',
    'personphonemobile',
    'telephone',
  ],
  status: [
    'status',
    'lifecyclestage',
    'contactstatus',
    'customerstatus',
    'leadstatus',
    'personlabel',
    'personlabels',
    'stage',
  ],
  // When they became a customer: HubSpot's "Became a Customer Date" (and its lifecycle
  // "Date entered" column), Salesforce's "Customer Since" (a common custom field, also as
  // "Account: Customer Since"), Pipedrive's "Won time" and "Won deals date".
  customerSince: [
    'becameacustomerdate',
    'dateenteredcustomerlifecyclestagepipeline',
    'customersince',
    'accountcustomersince',
    'customersincedate',
    'clientsince',
    'wontime',
    'dealwontime',
    'personwontime',
    'wondealsdate',
    'personwondealsdate',
    'lastwondealdate',
    'wondate',
  ],
};

export const ACTIVITY_SYNONYMS: Record<ActivityField, readonly string[]> = {
  date: ['activitydate', 'date', 'datetime', 'timestamp', 'when', 'time', 'occurredat', 'sentat', 'activitydatetime'],
  type: ['activitytype', 'type', 'kind', 'channel', 'tasktype', 'eventtype', 'engagementtype'],
  direction: ['direction', 'activitydirection', 'emaildirection', 'calldirection', 'inout'],
  contactEmail: [
    'contactemail',
    'email',
    'emailaddress',
    'contactemailaddress',
    'customeremail',
    'personemail',
    'contactemails',
  ],
  contactLinkedin: ['contactlinkedin', 'linkedin', 'linkedinurl', 'contactlinkedinurl', 'profileurl'],
  contactName: ['contactname', 'contact', 'name', 'person', 'personname', 'fullname', 'customer'],
  seller: [
    'seller',
    'owner',
    'contactowner',
    'activityowner',
    'selleremail',
    'owneremail',
    'assignedto',
    'activityassignedto',
    'salesperson',
    'rep',
    'user',
  ],
  subject: ['subject', 'emailsubject', 'activitysubject', 'title', 'summary'],
  externalId: ['activityid', 'id', 'recordid', 'taskid', 'eventid', 'engagementid', 'messageid'],
};

export const PURCHASE_SYNONYMS: Record<PurchaseField, readonly string[]> = {
  date: ['date', 'purchasedate', 'orderdate', 'invoicedate', 'closedate', 'transactiondate', 'paidat', 'paymentdate'],
  account: [
    'account',
    'accountname',
    'company',
    'companyname',
    'organization',
    'organisation',
    'customer',
    'client',
    'domain',
    'companydomain',
    'companydomainname',
    'website',
  ],
  contactEmail: ['contactemail', 'email', 'emailaddress', 'customeremail', 'buyeremail', 'billingemail'],
  amount: ['amount', 'total', 'totalamount', 'value', 'revenue', 'price', 'dealamount', 'invoicetotal', 'net'],
  currency: ['currency', 'currencycode', 'dealcurrencycode', 'ccy'],
  product: ['product', 'productname', 'item', 'plan', 'sku', 'lineitem'],
};

/** Headers that are not a field's column even though they contain its word. */
const NOT_AN_EMAIL = /optout|opt|status|consent|bounce|unsub|domain|count|date|type|label|marketing|verified|valid/;

/**
 * A second pass for headers no list knows ("E-mail (work)", "Email Address 1"): the two
 * identity fields only, since guessing anything else from a word is more often wrong.
 */
export function looseField(key: string): 'email' | 'linkedin' | undefined {
  if (key.includes('linkedin') && !key.includes('bio')) return 'linkedin';
  if ((key.includes('email') || key.includes('mail')) && !NOT_AN_EMAIL.test(key)) return 'email';
  return undefined;
}
