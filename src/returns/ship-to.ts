// Where a customer sends the goods of a return. A return is routed once it is authorized; before
// that there is nowhere to send them, and goods that arrived without an RMA are already here.
import type { Kysely, Transaction } from 'kysely';
import type { ShipTo } from '../contracts/returns.js';
import type { DB } from '../platform/db/database.js';
import { findDefaultReceivingSite, type SiteAddress } from '../masterdata/index.js';

type Reader = Kysely<DB> | Transaction<DB>;

interface RoutedReturn {
  legal_entity_id: string;
  authorized_at: string | null;
  is_unauthorized: number;
}

/**
 * For an authorized return, the legal entity's first active site (receiving-capable first). Returns
 * record no site of their own yet: this default is the documented routing until the inbound stage
 * brings routing rules (by product class, region, capability) and records the chosen site on the
 * return. Null when the return is not authorized (not routed yet), when the goods arrived without
 * an RMA (they are already at the site that received them), or when the entity has no active site.
 */
export async function findShipTo(db: Reader, rma: RoutedReturn): Promise<ShipTo | null> {
  if (rma.authorized_at === null || rma.is_unauthorized === 1) return null;
  return toShipTo(await findDefaultReceivingSite(db, rma.legal_entity_id));
}

function toShipTo(site: SiteAddress | undefined): ShipTo | null {
  if (!site) return null;
  return {
    siteName: site.name,
    addressLines: [site.address_line1].filter((line) => line.trim() !== ''),
    city: site.city,
    region: site.region,
    postalCode: site.postal_code,
    country: site.country,
  };
}
