// Use cases for trading partners (admins set them up; staff who follow EDI read them): create,
// list, read, edit under If-Match. A partner is never deleted: its documents refer to it; it is
// deactivated instead, and an inactive partner's files are rejected.
import type { z } from 'zod';
import type {
  CreateTradingPartnerBodySchema,
  PartnerMappings,
  TradingPartner,
  UpdateTradingPartnerBodySchema,
} from '../contracts/edi.js';
import type { RequestContext } from '../platform/actor.js';
import { assertCan } from '../platform/access.js';
import { AppError } from '../platform/errors.js';
import { isUniqueViolation } from '../platform/db/db-errors.js';
import { runInTransaction, type Platform, type Tx } from '../platform/unit-of-work.js';
import { findCustomer } from '../masterdata/index.js';
import { findSupplierTerms } from '../masterdata/index.js';
import { findTradingPartner, selectPartners, toTradingPartner } from './partner-rows.js';
import { DEFAULT_PARTNER_MAPPINGS } from './domain/map-return-request.js';

type CreateInput = z.output<typeof CreateTradingPartnerBodySchema>;
type UpdateInput = z.output<typeof UpdateTradingPartnerBodySchema>;

export async function createTradingPartner(
  platform: Platform,
  ctx: RequestContext,
  input: CreateInput,
  options: { defaultMappings?: boolean } = {},
): Promise<TradingPartner> {
  assertCan(ctx.actor, 'edi.manage');
  return runInTransaction(platform, ctx, async (tx) => {
    await assertCounterparts(tx, input.customerId, input.supplierId);
    const mappings = options.defaultMappings === false ? input.mappings : withCommonCodes(input.mappings);
    const row = {
      id: tx.ids.next('tpr'),
      code: input.code,
      name: input.name,
      customer_id: input.customerId,
      supplier_id: input.supplierId,
      interchange_qualifier: input.interchangeQualifier,
      interchange_id: input.interchangeId,
      group_id: input.groupId,
      our_interchange_qualifier: input.ourInterchangeQualifier,
      our_interchange_id: input.ourInterchangeId,
      our_group_id: input.ourGroupId,
      x12_version: input.x12Version,
      usage: input.usage,
      documents: JSON.stringify([...new Set(input.documents)]),
      mappings: JSON.stringify(mappings),
      inbound_directory: input.inboundDirectory,
      outbound_directory: input.outboundDirectory,
      last_control_number: 0,
      is_active: input.isActive ? 1 : 0,
      created_by: ctx.actor.personId,
      version: 1,
      created_at: tx.now,
      updated_at: tx.now,
    };
    try {
      await tx.db.insertInto('trading_partners').values(row).execute();
    } catch (error) {
      if (isUniqueViolation(error))
        throw new AppError(
          'conflict',
          `a trading partner already has code ${input.code} or interchange id ${input.interchangeQualifier}/${input.interchangeId}`,
        );
      throw error;
    }
    const partner = toTradingPartner((await findTradingPartner(tx.db, row.id))!);
    tx.audit({ entityType: 'trading_partner', entityId: row.id, action: 'trading_partner.created', after: partner });
    return partner;
  });
}

export async function listTradingPartners(platform: Platform, ctx: RequestContext): Promise<TradingPartner[]> {
  assertCan(ctx.actor, 'edi.read');
  const rows = await selectPartners(platform.db).orderBy('trading_partners.code').execute();
  return rows.map(toTradingPartner);
}

export async function getTradingPartner(platform: Platform, ctx: RequestContext, id: string): Promise<TradingPartner> {
  assertCan(ctx.actor, 'edi.read');
  const row = await findTradingPartner(platform.db, id);
  if (!row) throw new AppError('not_found', `trading partner ${id} was not found`);
  return toTradingPartner(row);
}

export async function updateTradingPartner(
  platform: Platform,
  ctx: RequestContext,
  id: string,
  input: UpdateInput,
  expectedVersion: number,
): Promise<TradingPartner> {
  assertCan(ctx.actor, 'edi.manage');
  return runInTransaction(platform, ctx, async (tx) => {
    const row = await findTradingPartner(tx.db, id);
    if (!row) throw new AppError('not_found', `trading partner ${id} was not found`);
    if (row.version !== expectedVersion)
      throw new AppError(
        'precondition_failed',
        `trading partner ${row.code} was changed by someone else (now version ${row.version}); reload and try again`,
      );
    await assertCounterparts(
      tx,
      input.customerId === undefined ? null : input.customerId,
      input.supplierId === undefined ? null : input.supplierId,
    );
    const changes = {
      ...(input.name !== undefined && { name: input.name }),
      ...(input.customerId !== undefined && { customer_id: input.customerId }),
      ...(input.supplierId !== undefined && { supplier_id: input.supplierId }),
      ...(input.interchangeQualifier !== undefined && { interchange_qualifier: input.interchangeQualifier }),
      ...(input.interchangeId !== undefined && { interchange_id: input.interchangeId }),
      ...(input.groupId !== undefined && { group_id: input.groupId }),
      ...(input.ourInterchangeQualifier !== undefined && { our_interchange_qualifier: input.ourInterchangeQualifier }),
      ...(input.ourInterchangeId !== undefined && { our_interchange_id: input.ourInterchangeId }),
      ...(input.ourGroupId !== undefined && { our_group_id: input.ourGroupId }),
      ...(input.x12Version !== undefined && { x12_version: input.x12Version }),
      ...(input.usage !== undefined && { usage: input.usage }),
      ...(input.documents !== undefined && { documents: JSON.stringify([...new Set(input.documents)]) }),
      ...(input.mappings !== undefined && { mappings: JSON.stringify(input.mappings) }),
      ...(input.inboundDirectory !== undefined && { inbound_directory: input.inboundDirectory }),
      ...(input.outboundDirectory !== undefined && { outbound_directory: input.outboundDirectory }),
      ...(input.isActive !== undefined && { is_active: input.isActive ? 1 : 0 }),
    };
    try {
      const result = await tx.db
        .updateTable('trading_partners')
        .set({ ...changes, version: row.version + 1, updated_at: tx.now })
        .where('id', '=', id)
        .where('version', '=', row.version)
        .executeTakeFirst();
      if (result.numUpdatedRows !== 1n)
        throw new AppError('precondition_failed', `trading partner ${row.code} was changed by someone else`);
    } catch (error) {
      if (isUniqueViolation(error))
        throw new AppError('conflict', 'another trading partner already has that interchange id');
      throw error;
    }
    const before = toTradingPartner(row);
    const after = toTradingPartner((await findTradingPartner(tx.db, id))!);
    tx.audit({ entityType: 'trading_partner', entityId: id, action: 'trading_partner.updated', before, after });
    return after;
  });
}

/**
 * A new partner's empty tables start from the common X12 codes (VN/UP item numbers, DR/DA/CO …
 * reasons, CR/RA/MW … dispositions), which the admin then edits; a table given is taken as it is,
 * and the cross-references always are.
 */
function withCommonCodes(mappings: PartnerMappings): PartnerMappings {
  const orDefault = <T extends object>(given: T, common: T): T => (Object.keys(given).length > 0 ? given : common);
  return {
    items: {
      qualifiers: orDefault(mappings.items.qualifiers, DEFAULT_PARTNER_MAPPINGS.items.qualifiers),
      crossReference: mappings.items.crossReference,
    },
    reasons: orDefault(mappings.reasons, DEFAULT_PARTNER_MAPPINGS.reasons),
    dispositions: orDefault(mappings.dispositions, DEFAULT_PARTNER_MAPPINGS.dispositions),
  };
}

async function assertCounterparts(tx: Tx, customerId: string | null, supplierId: string | null): Promise<void> {
  if (customerId && !(await findCustomer(tx.db, customerId)))
    throw new AppError('validation_failed', `customer ${customerId} was not found`, {
      errors: [{ path: 'customerId', message: 'unknown customer' }],
    });
  if (supplierId && !(await findSupplierTerms(tx.db, supplierId)))
    throw new AppError('validation_failed', `supplier ${supplierId} was not found`, {
      errors: [{ path: 'supplierId', message: 'unknown supplier' }],
    });
}
