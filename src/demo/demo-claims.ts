// The demo's supplier recovery. Every working day at four each site's warehouse ships what has
// gathered on its open vendor returns, through the real workflow, which submits the supplier's
// claim. Suppliers then answer: they acknowledge within days, most accept in full, some cut a
// line, a few reject; finance records their answers and, days or weeks later, their credit
// notes. Steps after the demo's now stay undone, so the newest claims are still open; the
// supplier with the most of them gets a demo login (supplier@demo.local) to answer its own.
import { systemContext } from '../platform/actor.js';
import type { Platform } from '../platform/unit-of-work.js';
import type { DemoActors } from './demo-users.js';
import { createUser } from '../identity/index.js';
import { listVendorReturns } from '../disposition/index.js';
import { listSupplierClaims, recordClaimAcknowledged } from '../recovery/index.js';
import { runInTransaction } from '../platform/unit-of-work.js';
import { decideSupplierClaim, recordSupplierClaimPayment, shipVendorReturn } from '../workflows/index.js';
import type { SupplierViewClaim } from '../contracts/recovery.js';
import type { StageContext } from './demo-stage-context.js';
import { DEMO_PASSWORD, demoEmailOf } from './demo-users.js';
import { context } from './plan-returns.js';
import { workingHoursAfter } from './demo-timeline.js';

const DAY_MS = 86_400_000;
/** Days of shipping runs before the demo's now (the demo's dispositions fall within them). */
const DAYS = 180;

export interface DemoClaimsTally {
  vendorReturnsShipped: number;
  claimsSubmitted: number;
  claimsPaid: number;
}

/** Plans the daily shipping runs; each shipment plans its claim's answers. */
export function planVendorReturnShipments(s: StageContext, tally: DemoClaimsTally): void {
  const now = new Date(s.now);
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 16);
  for (let day = DAYS; day >= 0; day -= 1) {
    const moment = new Date(today - day * DAY_MS);
    if (moment.getUTCDay() === 0 || moment.getUTCDay() === 6) continue;
    const at = moment.toISOString();
    s.plan(at, 'ship vendor returns', () => shipOpenVendorReturns(s, at, tally));
  }
}

async function shipOpenVendorReturns(s: StageContext, moment: string, tally: DemoClaimsTally) {
  const reader = context(s.actors.warehouse);
  const open = [];
  for (let page = 1; ; page += 1) {
    const found = await listVendorReturns(s.platform.db, reader, { status: 'open', page, pageSize: 200 });
    open.push(...found.items);
    if (found.items.length < 200) break;
  }
  for (const document of open.filter((candidate) => candidate.lines.length > 0)) {
    const clerk = s.clerkOf(document.siteId);
    const number = document.vendorReturnNumber.replace(/\D/g, '');
    await shipVendorReturn(s.at(moment), context(clerk), document.id, {
      carrierReference: `FRT-${number}`,
      // Suppliers that want their own authorization number gave one when the warehouse asked.
      supplierAuthorization: `RA-${number.slice(-5)}`,
      expectedVersion: document.version,
    });
    tally.vendorReturnsShipped += 1;
    const [claim] = (
      await listSupplierClaims(
        s.platform.db,
        context(s.actors.finance),
        { q: document.vendorReturnNumber, page: 1, pageSize: 1 },
        moment.slice(0, 10),
      )
    ).items;
    if (!claim) continue;
    tally.claimsSubmitted += 1;
    planAnswers(s, claim, moment, tally);
  }
}

/**
 * The supplier's own login, for the supplier with the most claims still to answer (else the
 * most claims), made once the calendar has run: it signs in to claims waiting for it.
 */
export async function createDemoSupplierUser(platform: Platform, actors: DemoActors): Promise<boolean> {
  const finance = context(actors.finance);
  const today = platform.clock.now().toISOString().slice(0, 10);
  const weight = new Map<string, number>();
  for (const [status, score] of [
    ['submitted', 100],
    ['acknowledged', 10],
    [undefined, 1],
  ] as const) {
    const found = await listSupplierClaims(platform.db, finance, { status, page: 1, pageSize: 200 }, today);
    for (const claim of found.items) weight.set(claim.supplierId, (weight.get(claim.supplierId) ?? 0) + score);
  }
  const [supplierId] = [...weight.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? [];
  if (!supplierId) return false;
  const name = 'Sam Supplier';
  const id = await createUser(platform, systemContext('demo-data'), {
    email: demoEmailOf('supplier'),
    name,
    role: 'supplier',
    customerId: null,
    siteId: null,
    partnerId: supplierId,
    password: DEMO_PASSWORD,
  });
  actors.supplier = { kind: 'user', id, personId: id, name, role: 'supplier', customerId: null, partnerId: supplierId };
  return true;
}

function planAnswers(s: StageContext, submitted: SupplierViewClaim, shippedAt: string, tally: DemoClaimsTally) {
  const { random } = s;
  // Suppliers answer by e-mail; finance records what they said, and their credit notes.
  const finance = context(s.actors.finance);
  const acknowledgedAt = workingHoursAfter(random, shippedAt, random.int(1, 3) * 24);
  const decidedAt = workingHoursAfter(random, acknowledgedAt, random.int(2, 12) * 24);
  const paidAt = workingHoursAfter(random, decidedAt, random.int(3, 20) * 24);
  const roll = random.next();
  const wanted = roll < 0.72 ? 'accept' : roll < 0.9 ? 'partially_accept' : 'reject';
  // A partial answer cuts the first line to 70 %; a line too small to cut is accepted whole.
  const [first] = submitted.lines;
  const cut =
    wanted === 'partially_accept' && first && first.claimedMinor >= 2
      ? { lineId: first.id, acceptedMinor: Math.floor(first.claimedMinor * 0.7) }
      : null;
  const decision = wanted === 'partially_accept' && !cut ? 'accept' : wanted;
  const accepted = cut ? submitted.claimedMinor - first!.claimedMinor + cut.acceptedMinor : submitted.claimedMinor;
  let version = submitted.version;
  s.plan(acknowledgedAt, `acknowledge ${submitted.claimNumber}`, async () => {
    const claim = await runInTransaction(s.at(acknowledgedAt), finance, (tx) =>
      recordClaimAcknowledged(tx, submitted.id, {
        supplierReference: `CASE-${submitted.claimNumber.slice(-5)}`,
        expectedVersion: version,
      }),
    );
    version = claim.version;
  });
  s.plan(decidedAt, `answer ${submitted.claimNumber}`, async () => {
    await decideSupplierClaim(s.at(decidedAt), finance, submitted.id, {
      decision,
      note:
        decision === 'reject'
          ? 'Outside our return terms: the units show handling damage, not a manufacturing fault'
          : decision === 'partially_accept'
            ? 'Credited at our current cost for the first line; the rest as claimed'
            : '',
      lines: cut ? [cut] : [],
      expectedVersion: version,
    });
    version += 1;
    if (decision === 'reject') return;
    s.plan(paidAt, `credit note for ${submitted.claimNumber}`, async () => {
      await recordSupplierClaimPayment(s.at(paidAt), finance, submitted.id, {
        reference: `VCN-${submitted.claimNumber.slice(-6)}`,
        amountMinor: accepted,
        expectedVersion: version,
      });
      tally.claimsPaid += 1;
    });
  });
}
