// A return's chain of custody in one timeline: each stage reports the hand-overs it recorded
// (carrier scans and dock check-ins, receipts, stock movements) and this puts them in order.
// Staff only: it names people, locations and internal documents.
import type { ChainOfCustody } from '../contracts/custody.js';
import type { RequestContext } from '../platform/actor.js';
import { assertCan } from '../platform/access.js';
import type { Platform } from '../platform/unit-of-work.js';
import { findReturnForStages } from '../returns/index.js';
import { findCarrierCustody, findDockCustody } from '../logistics/index.js';
import { findReceivingCustody } from '../receiving/index.js';
import { findStockCustody } from '../inventory/index.js';

/** Same moment: the order in which hand-overs happen physically. */
const STAGE_ORDER = { carrier: 0, dock: 1, receiving: 2, warehouse: 3 } as const;

export async function getChainOfCustody(
  platform: Platform,
  ctx: RequestContext,
  rmaId: string,
): Promise<ChainOfCustody> {
  assertCan(ctx.actor, 'receiving.read');
  const rma = await findReturnForStages(platform.db, ctx.actor, rmaId);
  const parts = await Promise.all([
    findCarrierCustody(platform.db, rmaId),
    findDockCustody(platform.db, rmaId),
    findReceivingCustody(platform.db, rmaId),
    findStockCustody(platform.db, rmaId),
  ]);
  const events = parts
    .flat()
    .map((event, index) => ({ event, index }))
    .sort(
      (a, b) =>
        a.event.at.localeCompare(b.event.at) ||
        STAGE_ORDER[a.event.stage] - STAGE_ORDER[b.event.stage] ||
        a.index - b.index,
    )
    .map(({ event }) => event);
  return { rmaId, rmaNumber: rma.rmaNumber, events };
}
