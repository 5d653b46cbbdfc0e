// Trading partner rows as the API shows them, and the columns every partner read selects.
import type { Kysely, Transaction } from 'kysely';
import { PartnerMappingsSchema, type EdiDocumentKind, type TradingPartner } from '../contracts/edi.js';
import type { DB } from '../platform/db/database.js';
import { customerNameOf, supplierNameOf } from '../masterdata/index.js';
import type { TradingPartnersTable } from './edi.tables.js';

type Reader = Kysely<DB> | Transaction<DB>;
export type PartnerRow = TradingPartnersTable & { customer_name: string | null; supplier_name: string | null };

export function selectPartners(db: Reader) {
  return db
    .selectFrom('trading_partners')
    .selectAll('trading_partners')
    .select([
      customerNameOf('trading_partners.customer_id').as('customer_name'),
      supplierNameOf('trading_partners.supplier_id').as('supplier_name'),
    ]);
}

export async function findTradingPartner(db: Reader, id: string): Promise<PartnerRow | undefined> {
  return selectPartners(db).where('trading_partners.id', '=', id).executeTakeFirst();
}

/** The partner an interchange comes from: its ISA05/ISA06, as sent (trailing padding dropped). */
export async function findPartnerBySender(db: Reader, qualifier: string, id: string): Promise<PartnerRow | undefined> {
  return selectPartners(db)
    .where('trading_partners.interchange_qualifier', '=', qualifier.trim())
    .where('trading_partners.interchange_id', '=', id.trim())
    .executeTakeFirst();
}

export function toTradingPartner(row: PartnerRow): TradingPartner {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    customerId: row.customer_id,
    customerName: row.customer_name,
    supplierId: row.supplier_id,
    supplierName: row.supplier_name,
    interchangeQualifier: row.interchange_qualifier,
    interchangeId: row.interchange_id,
    groupId: row.group_id,
    ourInterchangeQualifier: row.our_interchange_qualifier,
    ourInterchangeId: row.our_interchange_id,
    ourGroupId: row.our_group_id,
    x12Version: row.x12_version,
    usage: row.usage,
    documents: JSON.parse(row.documents) as EdiDocumentKind[],
    mappings: PartnerMappingsSchema.parse(JSON.parse(row.mappings)),
    inboundDirectory: row.inbound_directory,
    outboundDirectory: row.outbound_directory,
    isActive: row.is_active === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

export const exchanges = (partner: Pick<TradingPartner, 'documents' | 'isActive'>, kind: EdiDocumentKind) =>
  partner.isActive && partner.documents.includes(kind);
