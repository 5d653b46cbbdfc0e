// The demo's authorized returns further down the line. About half of those authorized more than a
// few days ago (the older, the likelier) have arrived at the site their routing instruction names
// and were received there by its warehouse clerk — some announced by a shipment the customer
// recorded (demo-shipments.ts), a few short, some of those topped up by a second delivery —
// through the real receiving workflow; their units, and those of the unannounced
// arrivals customer service accepted, then go through the bench (demo-bench.ts). Every step runs
// as of its moment, after the authorization and before the demo's now, in time order.
import type { ClaimedCondition } from '../contracts/returns-vocabulary.js';
import type { ReceiveReturnRequest } from '../contracts/receiving.js';
import type { RmaSummary } from '../contracts/returns.js';
import { addDays, addMonths } from '../platform/calendar.js';
import type { Platform } from '../platform/unit-of-work.js';
import { listInspectionsOfReturn } from '../inspection/index.js';
import {
  findReturnForStages,
  findReturnLineDetails,
  findShipToSiteIdOf,
  searchRmas,
  type ReturnLineDetails,
} from '../returns/index.js';
import { loadReturnFacts, receiveReturn } from '../workflows/index.js';
import type { Random } from './random.js';
import type { DemoOrderLine } from './demo-model.js';
import type { EntityKey } from './demo-companies.js';
import type { DemoActors } from './demo-users.js';
import type { DemoStaff } from './demo-staff.js';
import { context } from './plan-returns.js';
import { planInspection, type ReturnOfUnits } from './demo-bench.js';
import { createStageContext, summarize, type LaterStagesSummary, type StageContext } from './demo-stage-context.js';
import { minutesAfter, workingHoursAfter } from './demo-timeline.js';
import { planShipment, trackingNumberFor } from './demo-shipments.js';
import { planVendorReturnShipments } from './demo-claims.js';

export type { LaterStagesSummary } from './demo-stage-context.js';

const DAY_MS = 86_400_000;
/** Goods take a few days to come back: returns authorized more recently are all still on their way. */
const RECEIVED_AFTER_DAYS = 3;

export async function runLaterStages(
  platform: Platform,
  input: { orderLines: readonly DemoOrderLine[]; actors: DemoActors; staff: DemoStaff; random: Random },
): Promise<LaterStagesSummary> {
  const s = await createStageContext(platform, input);
  const world: DemoLines = {
    orderLines: new Map(input.orderLines.map((line) => [line.id, line])),
    entityKeys: new Map(input.orderLines.map((line) => [line.customer.entity.id, line.customer.entity.key])),
  };
  for (const rma of await findAuthorizedReturns(s)) {
    if (rma.isUnauthorized) await planArrivalInspections(s, rma);
    else await planReceipt(s, rma, world);
  }
  planVendorReturnShipments(s, s.tally.claims);
  await s.run();
  return summarize(s);
}

/** Every authorized return, in RMA number order (the order they were raised in). */
async function findAuthorizedReturns(s: StageContext): Promise<RmaSummary[]> {
  const found: RmaSummary[] = [];
  for (let page = 1; ; page += 1) {
    const result = await searchRmas(
      s.platform,
      context(s.actors.cs_agent),
      { status: 'authorized', sort: 'rmaNumber', page, pageSize: 200 },
      loadReturnFacts,
    );
    found.push(...result.items);
    if (found.length >= result.total || result.items.length === 0) return found;
  }
}

/** The share of returns authorized `days` ago whose goods have arrived: a quarter at first, three in five after two weeks. */
function receivedShare(days: number): number {
  return Math.min(0.6, 0.15 + 0.025 * days);
}

/** The order lines the returns came from, and each legal entity's key (its carriers' formats). */
interface DemoLines {
  orderLines: ReadonlyMap<string, DemoOrderLine>;
  entityKeys: ReadonlyMap<string, EntityKey>;
}

interface LineToReceive {
  id: string;
  productId: string;
  quantity: number;
  serials: string[];
  detail: ReturnLineDetails | undefined;
  orderLine: DemoOrderLine | undefined;
}

async function planReceipt(s: StageContext, rma: RmaSummary, world: DemoLines) {
  const { random } = s;
  const authorizedAt = rma.authorizedAt!;
  const daysSince = (Date.parse(s.now) - Date.parse(authorizedAt)) / DAY_MS;
  const entity = world.entityKeys.get(rma.legalEntityId) ?? 'US';
  // A customer records the parcel's tracking number a few hours after the authorization, if at all.
  const shippedAt = workingHoursAfter(random, authorizedAt, random.int(2, 30));
  const isArrived = daysSince >= RECEIVED_AFTER_DAYS && random.chance(receivedShare(daysSince));
  if (!isArrived) {
    // Some of the returns not arrived yet are known to be on their way.
    if (random.chance(0.3)) planShipment(s, rma, shippedAt, trackingNumberFor(random, entity), entity, null);
    return;
  }
  const agent = context(s.actors.cs_agent);
  const forStages = await findReturnForStages(s.platform.db, agent.actor, rma.id);
  const siteId = await findShipToSiteIdOf(s.platform.db, forStages);
  if (!siteId) return;
  const details = await findReturnLineDetails(
    s.platform.db,
    forStages.lines.map((line) => line.id),
  );
  const lines: LineToReceive[] = forStages.lines.map((line) => {
    const detail = details.get(line.id);
    return { ...line, detail, orderLine: detail?.orderLineId ? world.orderLines.get(detail.orderLineId) : undefined };
  });
  const first = shortDelivery(random, lines);
  // Most goods arrive within a week; some customers ship late, so they arrived only in the last day
  // or two (and the queue has units well within their SLA too).
  const isLate = random.chance(0.2);
  const at = isLate
    ? workingHoursAfter(random, new Date(Date.parse(s.now) - random.int(2, 40) * 3_600_000).toISOString(), 0)
    : workingHoursAfter(random, authorizedAt, random.int(2, Math.min(8, Math.floor(daysSince))) * 24);
  const rest = lines
    .map((line) => ({ ...line, quantity: line.quantity - (first.get(line.id) ?? 0) }))
    .filter((line) => line.quantity > 0);
  // Now and then what was missing follows in a second delivery a few days later.
  const restAt = rest.length > 0 && random.chance(0.4) ? workingHoursAfter(random, at, random.int(2, 6) * 24) : null;
  // A delivery that came whole was sometimes announced: the customer recorded its shipment first.
  const trackingNumber = trackingNumberFor(random, entity);
  const isWhole = lines.every((line) => first.get(line.id) === line.quantity);
  if (isWhole && random.chance(0.35) && shippedAt < minutesAfter(at, -120))
    planShipment(s, rma, shippedAt, trackingNumber, entity, at);
  const ofUnits: ReturnOfUnits = { legalEntityId: rma.legalEntityId, authorizedAt };
  const receive = (
    moment: string,
    wanted: ReadonlyMap<string, number>,
    skipSerials: ReadonlyMap<string, number>,
    carrierReference: string,
  ) => {
    const request = receiptRequest(random, siteId, moment, lines, wanted, skipSerials, carrierReference);
    s.plan(moment, `receive ${rma.rmaNumber}`, async () => {
      const clerk = s.clerkOf(siteId);
      const result = await receiveReturn(s.at(moment), context(clerk), rma.id, request);
      s.tally.receipts += 1;
      s.tally.unitsReceived += result.received.reduce((sum, line) => sum + line.quantity, 0);
      s.tally.stillExpected.set(
        rma.id,
        result.lines.reduce((sum, line) => sum + line.expected, 0),
      );
      const queued = await listInspectionsOfReturn(s.platform.db, context(clerk), new Date(moment), rma.id);
      for (const unit of queued.filter((candidate) => !s.inspections.has(candidate.id)))
        planInspection(s, unit, ofUnits);
    });
  };
  receive(at, first, new Map(), trackingNumber);
  if (restAt)
    receive(restAt, new Map(rest.map((line) => [line.id, line.quantity])), first, trackingNumberFor(random, entity));
}

/**
 * Units of each line in the first delivery: all of them, or (one return in seven) one line short —
 * fewer units, or, on a return of several lines, none of that line.
 */
function shortDelivery(random: Random, lines: readonly LineToReceive[]): Map<string, number> {
  const units = new Map(lines.map((line) => [line.id, line.quantity]));
  if (!random.chance(0.15)) return units;
  const line = random.pick(lines);
  if (line.quantity >= 2) units.set(line.id, line.quantity - random.int(1, line.quantity - 1));
  else if (lines.length > 1) units.delete(line.id);
  return units;
}

const DOCK_CONDITIONS: Record<string, ClaimedCondition> = {
  unopened: 'unopened',
  opened_unused: 'opened_unused',
  damaged_in_transit: 'damaged_in_transit',
};
const RECEIPT_NOTES = ['', '', '', '1 carton', '2 cartons, shrink-wrapped', 'Pallet, wrap intact', 'Outer box damp'];

/** What the clerk counts in: the wanted units of each line, serials (after those `skipSerials` took) and lot. */
function receiptRequest(
  random: Random,
  siteId: string,
  moment: string,
  lines: readonly LineToReceive[],
  wanted: ReadonlyMap<string, number>,
  skipSerials: ReadonlyMap<string, number>,
  carrierReference: string,
): ReceiveReturnRequest {
  const items = lines.flatMap((line) => {
    const quantity = wanted.get(line.id) ?? 0;
    if (quantity === 0) return [];
    const serials = line.serials.slice(skipSerials.get(line.id) ?? 0).slice(0, quantity);
    // The lot printed on the goods: the one shipped on the order line (the ERP sends the first).
    const lots = line.orderLine?.lots.slice(0, 1) ?? [];
    const reason = line.detail?.reasonCode ?? 'UNKNOWN';
    const expiry = lots.length > 0 ? expiryOf(random, reason, line.orderLine?.product.category, moment) : undefined;
    return [
      {
        productId: line.productId,
        rmaLineId: line.id,
        quantity,
        serials,
        lots,
        condition: DOCK_CONDITIONS[line.detail?.claimedCondition ?? ''] ?? 'used',
        ...(expiry ? { expiry } : {}),
      },
    ];
  });
  return {
    siteId,
    carrierReference,
    note: random.pick(RECEIPT_NOTES),
    items,
  };
}

/**
 * The expiry date on a lot's label: long for most goods, past for goods returned as expired, and
 * close for one lot in ten (so the rules send short-dated goods to the outlet).
 */
function expiryOf(random: Random, reasonCode: string, category: string | undefined, receivedAt: string): string {
  const received = receivedAt.slice(0, 10);
  if (reasonCode === 'EXPIRED_PRODUCT') return addDays(received, -random.int(3, 40));
  if (random.chance(0.1)) return addDays(received, random.int(10, 28));
  const months = category === 'Consumables' ? random.int(4, 18) : random.int(10, 36);
  return addMonths(received, months);
}

/** An unannounced arrival customer service accepted: its units are already in the queue. */
async function planArrivalInspections(s: StageContext, rma: RmaSummary): Promise<void> {
  const queued = await listInspectionsOfReturn(s.platform.db, context(s.actors.quality), new Date(s.now), rma.id);
  const ofUnits: ReturnOfUnits = { legalEntityId: rma.legalEntityId, authorizedAt: rma.authorizedAt! };
  for (const unit of queued.filter((candidate) => candidate.status === 'pending')) planInspection(s, unit, ofUnits);
}
