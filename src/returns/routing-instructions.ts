// The routing instruction of a return: where its goods go. Decided by the rules in the same
// transaction that authorizes the return (auto-approval or a manager's approval); a person may
// override it with a reason. Every decision is kept, the current one flagged.
import type { Kysely, Transaction } from 'kysely';
import type { ConfigVersion } from '../contracts/configuration.js';
import type { RoutingInstruction, ShipTo } from '../contracts/returns.js';
import type { DB } from '../platform/db/database.js';
import type { Tx } from '../platform/unit-of-work.js';
import { lockForTransaction } from '../platform/db/transaction-lock.js';
import { findCurrentConfig } from '../configuration/index.js';
import {
  findCustomer,
  findProducts,
  findRoutableSites,
  siteCodeOf,
  siteNameOf,
  type ProductForReturns,
} from '../masterdata/index.js';
import { decideRouting, type RoutedGoods, type RoutingDecision } from './domain/routing-instruction.js';
import { toShipTo } from './ship-to.js';
import type { RoutingInstructionsTable } from './returns.tables.js';

type Reader = Kysely<DB> | Transaction<DB>;

interface AuthorizedReturn {
  id: string;
  customer_id: string;
  legal_entity_id: string;
  is_unauthorized: number;
}

/** What the caller already holds (a new return's request has read all of it): nothing is read twice. */
export interface RoutingFacts {
  goods: RoutedGoods[];
  customerRegion: string;
  rules: ConfigVersion<'return_routing'>;
  /** A return routed for the first time has no earlier instruction to retire. */
  isFirstRouting: boolean;
}

export interface Routed {
  instruction: RoutingInstruction;
  shipTo: ShipTo | null;
}

/**
 * The step: decides by the rules where an authorized return's goods go and records it. Goods that
 * arrived without an RMA are already at a site, so such returns are not routed (null).
 */
export async function routeAuthorizedReturn(
  tx: Tx,
  rma: AuthorizedReturn,
  known?: RoutingFacts,
): Promise<Routed | null> {
  if (rma.is_unauthorized === 1) return null;
  const facts = known ?? (await readRoutingFacts(tx, rma));
  const { rules } = facts;
  const sites = await findRoutableSites(tx.db, rma.legal_entity_id);
  const limited = new Set(rules.document.siteCapacities.map((c) => c.siteCode));
  // A capacity is a check across rows (every open return routed to the site): decisions for one
  // legal entity's limited sites take turns, so two at once cannot both take the last room.
  if (sites.some((site) => limited.has(site.code))) await lockForTransaction(tx, `routing:${rma.legal_entity_id}`);
  const openUnits = await findOpenUnitsBySite(
    tx.db,
    sites.filter((s) => limited.has(s.code)).map((s) => s.id),
  );
  const decision = decideRouting({
    customerRegion: facts.customerRegion,
    goods: facts.goods,
    sites: sites.map((site) => ({ ...site, openUnits: openUnits.get(site.id) ?? 0 })),
    rules: rules.document,
  });
  const row = await recordInstruction(
    tx,
    rma.id,
    {
      site_id: decision.siteId,
      basis: 'rules',
      rules_version: rules.version,
      units: facts.goods.reduce((sum, item) => sum + item.quantity, 0),
      decision: JSON.stringify(decisionFacts(decision)),
      explanation: JSON.stringify(decision.explanation),
      reason: '',
    },
    { retireEarlier: !facts.isFirstRouting },
  );
  const site = sites.find((s) => s.id === decision.siteId);
  tx.audit({
    entityType: 'rma',
    entityId: rma.id,
    action: 'rma.routed',
    after: {
      siteId: decision.siteId,
      siteCode: site?.code ?? null,
      explanation: decision.explanation,
      returnRoutingVersion: rules.version,
    },
  });
  tx.emit({
    type: 'rma.routed',
    aggregateType: 'rma',
    aggregateId: rma.id,
    payload: { rmaId: rma.id, siteId: decision.siteId, basis: 'rules' },
  });
  return {
    instruction: toInstruction({ ...row, site_code: site?.code ?? null, site_name: site?.name ?? null }),
    shipTo: site ? toShipTo(site) : null,
  };
}

/** The goods, the customer's region and the rules in force, for a return authorized later (approval). */
async function readRoutingFacts(tx: Tx, rma: AuthorizedReturn): Promise<RoutingFacts> {
  const lines = await tx.db
    .selectFrom('rma_lines')
    .select(['product_id', 'quantity'])
    .where('rma_id', '=', rma.id)
    .execute();
  const products = new Map(
    (await findProducts(tx.db, [...new Set(lines.map((l) => l.product_id))])).map((p) => [p.id, p]),
  );
  const customer = await findCustomer(tx.db, rma.customer_id);
  return {
    goods: lines.map((line) => routedGoodsOf(products.get(line.product_id), line.product_id, line.quantity)),
    customerRegion: customer?.region ?? '',
    rules: await findCurrentConfig(tx.db, 'return_routing'),
    isFirstRouting: false,
  };
}

/** What routing needs to know of a product's units. */
export function routedGoodsOf(
  product: Pick<ProductForReturns, 'sku' | 'regulated_class' | 'is_temperature_controlled'> | undefined,
  productId: string,
  quantity: number,
): RoutedGoods {
  return {
    sku: product?.sku ?? productId,
    quantity,
    regulatedClass: product?.regulated_class ?? null,
    isTemperatureControlled: product?.is_temperature_controlled === 1,
  };
}

type InstructionFields = Omit<
  RoutingInstructionsTable,
  'id' | 'rma_id' | 'is_current' | 'decided_by' | 'decided_by_id' | 'decided_at'
>;

/** Makes this the return's current instruction; the earlier ones stay as history. */
export async function recordInstruction(
  tx: Tx,
  rmaId: string,
  fields: InstructionFields,
  options: { retireEarlier: boolean } = { retireEarlier: true },
): Promise<RoutingInstructionsTable> {
  if (options.retireEarlier)
    await tx.db
      .updateTable('routing_instructions')
      .set({ is_current: 0 })
      .where('rma_id', '=', rmaId)
      .where('is_current', '=', 1)
      .execute();
  const row: RoutingInstructionsTable = {
    id: tx.ids.next('rti'),
    rma_id: rmaId,
    ...fields,
    is_current: 1,
    decided_by: tx.ctx.actor.name,
    decided_by_id: tx.ctx.actor.personId,
    decided_at: tx.now,
  };
  await tx.db.insertInto('routing_instructions').values(row).execute();
  return row;
}

function decisionFacts(decision: RoutingDecision) {
  return { requiredCapabilities: decision.requiredCapabilities, zone: decision.zone, candidates: decision.candidates };
}

/** Units on open returns (authorized, not yet closed) currently routed to each of these sites. */
export async function findOpenUnitsBySite(db: Reader, siteIds: readonly string[]): Promise<Map<string, number>> {
  if (siteIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('routing_instructions as ri')
    .innerJoin('rmas', 'rmas.id', 'ri.rma_id')
    .select(['ri.site_id', (eb) => eb.fn.sum<string | number>('ri.units').as('units')])
    .where('ri.is_current', '=', 1)
    .where('ri.site_id', 'in', siteIds)
    .where('rmas.status', '=', 'authorized')
    .groupBy('ri.site_id')
    .execute();
  return new Map(rows.map((row) => [row.site_id!, Number(row.units)]));
}

/** The current routing instruction of a return: undefined when it was never routed by the rules. */
export async function findRoutingInstruction(db: Reader, rmaId: string): Promise<RoutingInstruction | undefined> {
  const row = await db
    .selectFrom('routing_instructions as ri')
    .selectAll('ri')
    .select([siteCodeOf('ri.site_id').as('site_code'), siteNameOf('ri.site_id').as('site_name')])
    .where('ri.rma_id', '=', rmaId)
    .where('ri.is_current', '=', 1)
    .executeTakeFirst();
  return row ? toInstruction(row) : undefined;
}

function toInstruction(
  row: RoutingInstructionsTable & { site_code: string | null; site_name: string | null },
): RoutingInstruction {
  const facts = JSON.parse(row.decision) as Partial<ReturnType<typeof decisionFacts>>;
  return {
    siteId: row.site_id,
    siteCode: row.site_code ?? null,
    siteName: row.site_name ?? null,
    basis: row.basis,
    reason: row.reason,
    explanation: JSON.parse(row.explanation) as string[],
    requiredCapabilities: facts.requiredCapabilities ?? [],
    candidates: facts.candidates ?? [],
    rulesVersion: row.rules_version,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
  };
}
