// Returns in any authorization state, built by the real use cases and workflows (never by writing
// rows): makeRma(platform, { status: 'rejected' }) requests, routes, decides and ends it as a
// person would, so every fact behind it exists.
import type { Rma } from '../../src/contracts/returns.js';
import type { RmaStatus } from '../../src/contracts/returns-vocabulary.js';
import type { Actor, RequestContext } from '../../src/platform/actor.js';
import type { Platform } from '../../src/platform/unit-of-work.js';
import { cancelRma, createRma, expireDueAuthorizations, getRma, rejectRma } from '../../src/returns/index.js';
import { loadReturnFacts, recordUnauthorizedArrival } from '../../src/workflows/index.js';
import { fixedClock } from '../../src/platform/clock.js';
import { makeWorld } from './factories.js';

const as = (role: Actor['role'], name: string, customerId: string | null = null): RequestContext => ({
  actor: { kind: 'user', id: `usr_${name}`, personId: `usr_${name}`, name, role, customerId },
  requestId: `req_${name}`,
});
export const agent = as('cs_agent', 'agent');
export const manager = as('cs_manager', 'manager');
export const warehouse = as('warehouse', 'warehouse');
const ops = as('ops_manager', 'ops');

type MakeableStatus = Exclude<RmaStatus, 'requested' | 'closed'>;
type World = Awaited<ReturnType<typeof makeWorld>>;

/** Needing approval or not is the customer's tier here: bronze accounts always go to a manager. */
export async function makeRma(
  platform: Platform,
  options: { status: MakeableStatus; quantity?: number; world?: World } = { status: 'authorized' },
): Promise<{ rma: Rma; world: World }> {
  const needsApproval =
    options.status !== 'authorized' && options.status !== 'cancelled' && options.status !== 'expired';
  const world = options.world ?? (await makeWorld(platform, { tier: needsApproval ? 'bronze' : 'gold' }));
  const created = await createRma(platform, agent, {
    customerId: world.customer.id,
    returnType: 'standard',
    note: 'made by a test factory',
    customerReference: '',
    lines: [
      {
        orderLineId: world.orderLine.id,
        quantity: options.quantity ?? 2,
        reasonCode: 'ORDERED_IN_ERROR',
        claimedCondition: 'unopened',
        note: '',
        serials: [],
        lots: [],
      },
    ],
  });
  const rma = await moveTo(platform, created, options.status);
  return { rma, world };
}

async function moveTo(platform: Platform, rma: Rma, status: MakeableStatus): Promise<Rma> {
  switch (status) {
    case 'pending_approval':
    case 'authorized':
      if (rma.status !== status) throw new Error(`the factory's world gave ${rma.status}, not ${status}`);
      return rma;
    case 'rejected':
      return rejectRma(platform, manager, rma.id, 'not our product', undefined, loadReturnFacts);
    case 'cancelled':
      return cancelRma(platform, agent, rma.id, 'customer changed their mind', undefined, loadReturnFacts);
    case 'expired': {
      // The nightly expiry job, run the day after the authorization lapsed.
      const later = { ...platform, clock: fixedClock(`${rma.expiresOn!}T23:00:00.000Z`) };
      later.clock.advanceDays(1);
      await expireDueAuthorizations(later, ops, loadReturnFacts);
      return getRma(platform, agent, rma.id, loadReturnFacts);
    }
  }
}

/** Goods that turned up at the dock with no RMA, through the real workflow. */
export async function makeUnauthorizedArrival(platform: Platform, world?: World, quantity = 2) {
  const w = world ?? (await makeWorld(platform));
  const rma = await recordUnauthorizedArrival(platform, warehouse, {
    customerId: w.customer.id,
    siteId: w.site.id,
    note: 'pallet with no paperwork',
    carrierReference: '',
    lines: [
      {
        productId: w.product.id,
        quantity,
        orderLineId: w.orderLine.id,
        claimedCondition: 'used',
        serials: [],
        lots: [],
        reasonCode: 'UNKNOWN',
      },
    ],
  });
  return { rma, world: w };
}
