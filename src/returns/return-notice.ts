// What a notification to the customer says about their return: its number, its decision's reason,
// how long the authorization runs and where the goods go. Read without an actor: the notifications
// worker writes to the return's own customer, after commit.
import type { Kysely, Transaction } from 'kysely';
import type { ShipTo } from '../contracts/returns.js';
import type { DB } from '../platform/db/database.js';
import { findRmaRow } from './rma.repository.js';
import { findShipTo } from './ship-to.js';

type Reader = Kysely<DB> | Transaction<DB>;

export interface ReturnNotice {
  id: string;
  rmaNumber: string;
  customerId: string;
  /** The goods arrived before the return was authorized (nothing to send). */
  isUnauthorized: boolean;
  expiresOn: string | null;
  /** The decider's comment: the reason given to the customer for a rejection. */
  decisionComment: string | null;
  /** Where the goods go; null before authorization, for goods already here, or when not routed yet. */
  shipTo: ShipTo | null;
}

export async function findReturnNotice(db: Reader, rmaId: string): Promise<ReturnNotice | undefined> {
  const row = await findRmaRow(db, rmaId);
  if (!row) return undefined;
  return {
    id: row.id,
    rmaNumber: row.rma_number,
    customerId: row.customer_id,
    isUnauthorized: row.is_unauthorized === 1,
    expiresOn: row.expires_on,
    decisionComment: row.decision_comment,
    shipTo: await findShipTo(db, row),
  };
}
