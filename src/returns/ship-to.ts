// Where a customer sends the goods of a return: the site of its routing instruction. A return is
// routed once it is authorized; before that there is nowhere to send them, and goods that arrived
// without an RMA are already here.
import type { Kysely, Transaction } from 'kysely';
import type { ShipTo } from '../contracts/returns.js';
import type { DB } from '../platform/db/database.js';
import { prepared } from '../platform/db/prepared-query.js';
import { findDefaultReceivingSite, findSiteAddress, type SiteAddress } from '../masterdata/index.js';

type Reader = Kysely<DB> | Transaction<DB>;

interface RoutedReturn {
  id: string;
  legal_entity_id: string;
  authorized_at: string | null;
  is_unauthorized: number;
}

const currentRoutedSite = prepared((db, p: { rmaId: string }) =>
  db.selectFrom('routing_instructions').select('site_id').where('rma_id', '=', p.rmaId).where('is_current', '=', 1),
);

/**
 * The site the goods go to: the current routing instruction's. Null when the return is not
 * authorized (not routed yet), when the goods arrived without an RMA, or when no site was certified
 * for them (someone must route it by hand). A return authorized before routing rules existed has no
 * instruction; it goes to the legal entity's default receiving site, as it did then.
 */
export async function findShipToSiteId(db: Reader, rma: RoutedReturn): Promise<string | null> {
  if (rma.authorized_at === null || rma.is_unauthorized === 1) return null;
  const instruction = await currentRoutedSite.executeTakeFirst(db, { rmaId: rma.id });
  if (instruction) return instruction.site_id;
  return (await findDefaultReceivingSite(db, rma.legal_entity_id))?.id ?? null;
}

export async function findShipTo(db: Reader, rma: RoutedReturn): Promise<ShipTo | null> {
  const siteId = await findShipToSiteId(db, rma);
  return siteId === null ? null : toShipTo(await findSiteAddress(db, siteId));
}

export function toShipTo(site: SiteAddress | undefined): ShipTo | null {
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
