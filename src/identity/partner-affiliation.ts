// A repair partner's users and API keys act for that partner and see only its work orders; the
// rule that binds role and partner together, for users (user administration) and keys alike.
import type { Kysely, Transaction } from 'kysely';
import type { Role } from '../contracts/common.js';
import type { DB } from '../platform/db/database.js';
import { AppError } from '../platform/errors.js';
import { findPartner } from '../masterdata/index.js';

type Reader = Kysely<DB> | Transaction<DB>;

/**
 * Role repair_partner acts for exactly one active repair partner; no other role has one (a staff
 * member scoped to a partner would mix two access models). Shared with API keys.
 */
export async function assertPartnerFitsRole(db: Reader, role: Role, partnerId: string | null): Promise<void> {
  if (role === 'repair_partner' && !partnerId)
    throw new AppError('validation_failed', 'a repair partner user or key needs the partner it acts for', {
      errors: [{ path: 'partnerId', message: 'choose the repair partner' }],
    });
  if (role !== 'repair_partner' && partnerId)
    throw new AppError('validation_failed', 'only repair partner users and keys belong to a partner', {
      errors: [{ path: 'partnerId', message: `leave empty for role ${role}` }],
    });
  if (!partnerId) return;
  const partner = await findPartner(db, partnerId);
  if (!partner || partner.kind !== 'repair' || partner.is_active !== 1)
    throw new AppError('validation_failed', `${partnerId} is not an active repair partner`, {
      errors: [{ path: 'partnerId', message: partner ? 'inactive partner' : 'unknown partner' }],
    });
}
