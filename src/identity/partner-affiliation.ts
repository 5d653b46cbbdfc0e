// A partner's users and API keys act for that partner and see only its work: a repair partner's
// its work orders, a supplier's its claims, a carrier's its shipments. The rule that binds role and
// partner together, for users (user administration) and keys alike.
import type { Kysely, Transaction } from 'kysely';
import { isPartnerRole, type PartnerRole, type Role } from '../contracts/common.js';
import type { PartnerKind } from '../contracts/masterdata.js';
import type { DB } from '../platform/db/database.js';
import { AppError } from '../platform/errors.js';
import { findPartner, findSupplierTerms } from '../masterdata/index.js';

type Reader = Kysely<DB> | Transaction<DB>;

/** What each partner role acts for, in the words its refusals use. */
const AFFILIATION: Record<PartnerRole, { noun: string; partnerKind: PartnerKind | null }> = {
  repair_partner: { noun: 'repair partner', partnerKind: 'repair' },
  // A supplier's id is its supplier master record's, not a partner row's.
  supplier: { noun: 'supplier', partnerKind: null },
  carrier: { noun: 'carrier', partnerKind: 'carrier' },
};

const refused = (message: string, fieldMessage: string) =>
  new AppError('validation_failed', message, { errors: [{ path: 'partnerId', message: fieldMessage }] });

/**
 * Role repair_partner acts for exactly one active repair partner, role carrier for exactly one
 * active carrier, role supplier for exactly one supplier; no other role has one (a staff member
 * scoped to a partner would mix two access models). Shared with API keys.
 */
export async function assertPartnerFitsRole(db: Reader, role: Role, partnerId: string | null): Promise<void> {
  if (!isPartnerRole(role)) {
    if (partnerId)
      throw refused(
        'only repair partner, supplier and carrier users and keys belong to a partner',
        `leave empty for role ${role}`,
      );
    return;
  }
  const { noun, partnerKind } = AFFILIATION[role];
  if (!partnerId) throw refused(`a ${noun} user or key needs the ${noun} it acts for`, `choose the ${noun}`);
  if (partnerKind === null) {
    if (!(await findSupplierTerms(db, partnerId))) throw refused(`${partnerId} is not a supplier`, 'unknown supplier');
    return;
  }
  const partner = await findPartner(db, partnerId);
  if (!partner) throw refused(`${partnerId} is not an active ${noun}`, 'unknown partner');
  if (partner.kind !== partnerKind)
    throw refused(`${partner.code} is a ${partner.kind} partner, not a ${noun}`, `not a ${noun}`);
  if (partner.is_active !== 1) throw refused(`${partnerId} is not an active ${noun}`, 'inactive partner');
}
