import { z } from 'zod';
import { Account, Contact, Purchase, Seller, Touch } from './entities';
import { FollowUp } from './followup';

/** Everything the store holds that is not derived: a backup, a seed, a restore. */
export const DataSet = z.object({
  sellers: z.array(Seller).default([]),
  accounts: z.array(Account).default([]),
  contacts: z.array(Contact).default([]),
  touches: z.array(Touch).default([]),
  purchases: z.array(Purchase).default([]),
  followUps: z.array(FollowUp).default([]),
});
export type DataSet = z.infer<typeof DataSet>;

/** Each store's record schema, by store name. */
export const RECORD_SCHEMAS = {
  sellers: Seller,
  accounts: Account,
  contacts: Contact,
  touches: Touch,
  purchases: Purchase,
  followUps: FollowUp,
} as const;

/** A data set with every store empty, to fill store by store. */
export function emptyDataSet(): DataSet {
  return { sellers: [], accounts: [], contacts: [], touches: [], purchases: [], followUps: [] };
}
