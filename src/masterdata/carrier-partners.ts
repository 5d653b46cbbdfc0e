// Carriers as partners: a carrier partner answers for one or more of logistics' carrier codes, and
// its users and keys see the shipments of those codes only. The rules that keep that unambiguous
// live here, checked in the transaction that writes the partner.
import type { Kysely, Transaction } from 'kysely';
import type { Partner } from '../contracts/masterdata.js';
import type { CarrierCode } from '../contracts/carriers.js';
import type { DB } from '../platform/db/database.js';
import { lockForTransaction } from '../platform/db/transaction-lock.js';
import { AppError } from '../platform/errors.js';
import type { Tx } from '../platform/unit-of-work.js';

type Reader = Kysely<DB> | Transaction<DB>;
type PartnerInput = Omit<Partner, 'id' | 'version'>;

const codesError = (message: string, status: 'validation_failed' | 'conflict' = 'validation_failed') =>
  new AppError(status, message, { errors: [{ path: 'carrierCodes', message }] });

/**
 * A carrier answers for at least one carrier code, a repair partner for none; a partner keeps its
 * kind (its users' role and its work depend on it); and a code belongs to one active carrier at a
 * time — two would both see its shipments, so neither could be told apart from the other.
 */
export async function assertPartnerConsistent(tx: Tx, partner: PartnerInput, id: string): Promise<void> {
  const existing = await tx.db.selectFrom('partners').select('kind').where('id', '=', id).executeTakeFirst();
  if (existing && existing.kind !== partner.kind)
    throw new AppError('rule_violation', `partner ${id} is a ${existing.kind} partner; its kind cannot change`, {
      errors: [{ path: 'kind', message: `stays ${existing.kind}` }],
    });
  if (partner.kind === 'repair') {
    if (partner.carrierCodes.length > 0) throw codesError('a repair partner answers for no carrier codes');
    return;
  }
  if (partner.carrierCodes.length === 0) throw codesError('a carrier answers for at least one carrier code');
  if (new Set(partner.carrierCodes).size !== partner.carrierCodes.length) throw codesError('each carrier code once');
  if (!partner.isActive) return;
  // Two admins giving the same code to two carriers at once must not both succeed.
  await lockForTransaction(tx, 'partners:carrier-codes');
  const others = await tx.db
    .selectFrom('partners')
    .select(['code', 'carrier_codes'])
    .where('kind', '=', 'carrier')
    .where('is_active', '=', 1)
    .where('id', '!=', id)
    .execute();
  for (const other of others) {
    const taken = codesOf(other.carrier_codes).filter((code) => partner.carrierCodes.includes(code));
    if (taken.length > 0)
      throw codesError(
        `carrier code ${taken.join(', ')} is already answered for by active carrier ${other.code}`,
        'conflict',
      );
  }
}

/**
 * The carrier codes a carrier partner's users and keys answer for: none unless the partner is an
 * active carrier (a deactivated carrier's logins see nothing, whatever they were given).
 */
export async function findCarrierCodesOf(db: Reader, partnerId: string | null | undefined): Promise<CarrierCode[]> {
  if (!partnerId) return [];
  const partner = await db
    .selectFrom('partners')
    .select(['kind', 'is_active', 'carrier_codes'])
    .where('id', '=', partnerId)
    .executeTakeFirst();
  if (!partner || partner.kind !== 'carrier' || partner.is_active !== 1) return [];
  return codesOf(partner.carrier_codes);
}

export const codesOf = (json: string): CarrierCode[] => JSON.parse(json) as CarrierCode[];
