// A partner's users and API keys act for that partner and see only its work: a repair partner's
// its work orders, a supplier's its claims. The rule that binds role and partner together, for
// users (user administration) and keys alike.
import type { Kysely, Transaction } from 'kysely';
import { isPartnerRole, type Role } from '../contracts/common.js';
import type { DB } from '../platform/db/database.js';
import { AppError } from '../platform/errors.js';
import { findPartner, findSupplierTerms } from '../masterdata/index.js';

type Reader = Kysely<DB> | Transaction<DB>;

/**
 * Role repair_partner acts for exactly one active repair partner, role supplier for exactly one
 * supplier; no other role has one (a staff member scoped to a partner would mix two access
 * models). Shared with API keys.
 */
export async function assertPartnerFitsRole(db: Reader, role: Role, partnerId: string | null): Promise<void> {
  if (isPartnerRole(role) && !partnerId)
    throw new AppError(
      'validation_failed',
      `a ${role === 'supplier' ? 'supplier' : 'repair partner'} user or key needs the ${role === 'supplier' ? 'supplier' : 'partner'} it acts for`,
      {
        errors: [
          { path: 'partnerId', message: role === 'supplier' ? 'choose the supplier' : 'choose the repair partner' },
        ],
      },
    );
  if (!isPartnerRole(role) && partnerId)
    throw new AppError('validation_failed', 'only repair partner and supplier users and keys belong to a partner', {
      errors: [{ path: 'partnerId', message: `leave empty for role ${role}` }],
    });
  if (!partnerId) return;
  if (role === 'supplier') {
    if (!(await findSupplierTerms(db, partnerId)))
      throw new AppError('validation_failed', `${partnerId} is not a supplier`, {
        errors: [{ path: 'partnerId', message: 'unknown supplier' }],
      });
    return;
  }
  const partner = await findPartner(db, partnerId);
  if (!partner || partner.kind !== 'repair' || partner.is_active !== 1)
    throw new AppError('validation_failed', `${partnerId} is not an active repair partner`, {
      errors: [{ path: 'partnerId', message: partner ? 'inactive partner' : 'unknown partner' }],
    });
}
