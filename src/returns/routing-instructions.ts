// The routing instruction of a return: where its goods go. Decided by the rules in the same
// transaction that authorizes the return (auto-approval or a manager's approval); a person may
// override it with a reason. Every decision is kept, the current one flagged.
import type { Kysely, Transaction } from 'kysely';
import type { RoutingInstruction } from '../contracts/returns.js';
import type { DB } from '../platform/db/database.js';
import type { Tx } from '../platform/unit-of-work.js';
import { lockForTransaction } from '../platform/db/transaction-lock.js';
import { findCurrentConfig } from '../configuration/index.js';
import { findCustomer, findProducts, findRoutableSites, siteCodeOf, siteNameOf } from '../masterdata/index.js';
import { decideRouting, type RoutingDecision } from './domain/routing-instruction.js';
import type { RoutingInstructionsTable } from './returns.tables.js';

type Reader = Kysely<DB> | Transaction<DB>;

interface AuthorizedReturn {
  id: string;
  customer_id: string;
  legal_entity_id: string;
  is_unauthorized: number;
}

/**
 * The step: decides by the rules where an authorized return's goods go and records it. Goods that
 * arrived without an RMA are already at a site, so such returns are not routed.
 */
export async function routeAuthorizedReturn(tx: Tx, rma: AuthorizedReturn): Promise<void> {
  if (rma.is_unauthorized === 1) return;
  const lines = await tx.db
    .selectFrom('rma_lines')
    .select(['product_id', 'quantity'])
    .where('rma_id', '=', rma.id)
    .execute();
  const [products, customer, sites, rules] = [
    await findProducts(tx.db, [...new Set(lines.map((l) => l.product_id))]),
    await findCustomer(tx.db, rma.customer_id),
    await findRoutableSites(tx.db, rma.legal_entity_id),
    await findCurrentConfig(tx.db, 'return_routing'),
  ];
  const limited = new Set(rules.document.siteCapacities.map((c) => c.siteCode));
  // A capacity is a check across rows (every open return routed to the site): decisions for one
  // legal entity's limited sites take turns, so two at once cannot both take the last room.
  if (sites.some((site) => limited.has(site.code))) await lockForTransaction(tx, `routing:${rma.legal_entity_id}`);
  const openUnits = await findOpenUnitsBySite(
    tx.db,
    sites.filter((s) => limited.has(s.code)).map((s) => s.id),
  );
  const productById = new Map(products.map((p) => [p.id, p]));
  const decision = decideRouting({
    customerRegion: customer?.region ?? '',
    goods: lines.map((line) => {
      const product = productById.get(line.product_id);
      return {
        sku: product?.sku ?? line.product_id,
        quantity: line.quantity,
        regulatedClass: product?.regulated_class ?? null,
        isTemperatureControlled: product?.is_temperature_controlled === 1,
      };
    }),
    sites: sites.map((site) => ({ ...site, openUnits: openUnits.get(site.id) ?? 0 })),
    rules: rules.document,
  });
  await recordInstruction(tx, rma.id, {
    site_id: decision.siteId,
    basis: 'rules',
    rules_version: rules.version,
    units: lines.reduce((sum, line) => sum + line.quantity, 0),
    decision: JSON.stringify(decisionFacts(decision)),
    explanation: JSON.stringify(decision.explanation),
    reason: '',
  });
  tx.audit({
    entityType: 'rma',
    entityId: rma.id,
    action: 'rma.routed',
    after: {
      siteId: decision.siteId,
      siteCode: sites.find((s) => s.id === decision.siteId)?.code ?? null,
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
}

type InstructionFields = Omit<
  RoutingInstructionsTable,
  'id' | 'rma_id' | 'is_current' | 'decided_by' | 'decided_by_id' | 'decided_at'
>;

/** Makes this the return's current instruction; the earlier ones stay as history. */
export async function recordInstruction(tx: Tx, rmaId: string, fields: InstructionFields): Promise<void> {
  await tx.db
    .updateTable('routing_instructions')
    .set({ is_current: 0 })
    .where('rma_id', '=', rmaId)
    .where('is_current', '=', 1)
    .execute();
  await tx.db
    .insertInto('routing_instructions')
    .values({
      id: tx.ids.next('rti'),
      rma_id: rmaId,
      ...fields,
      is_current: 1,
      decided_by: tx.ctx.actor.name,
      decided_by_id: tx.ctx.actor.personId,
      decided_at: tx.now,
    })
    .execute();
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
  if (!row) return undefined;
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
