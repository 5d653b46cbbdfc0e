// Received units through the bench, as the people of the site would work them: most inspections
// taken from the queue within the SLA (some late, some not yet, a few left open), regulated goods
// inspected by quality and signed off by a second inspector, most completed inspections
// dispositioned on the rules' recommendation (a few overridden with a reason), and some repairs
// reported back by the bench or the repair partner. Each step is the real use case or workflow,
// run as of its moment.
import type { Actor } from '../platform/actor.js';
import { getRecommendation, getDisposition, getWorkOrder } from '../disposition/index.js';
import { claimInspection, completeInspection, getInspection, signOffInspection } from '../inspection/index.js';
import { executeDisposition, reportWorkOrderOutcome } from '../workflows/index.js';
import { context } from './plan-returns.js';
import { chooseDisposition, reportWorkOrder } from './demo-disposition-choices.js';
import { inspectUnits } from './demo-inspection-findings.js';
import { minutesAfter, workingHoursAfter } from './demo-timeline.js';
import type { StageContext } from './demo-stage-context.js';

/** An inspection as it was queued. */
export interface QueuedUnits {
  id: string;
  version: number;
  siteId: string;
  isRegulated: boolean;
  receivedAt: string;
}

/** The return the units came back on: whose entity (its repair partner) and when it was authorized. */
export interface ReturnOfUnits {
  legalEntityId: string;
  /** Units are not dispositioned before their return is authorized (an unannounced arrival's decision). */
  authorizedAt: string;
}

const SIGN_OFF_NOTES = ['', 'Lot checked against the recall list.', 'Seal and labelling verified.', 'Photos reviewed.'];

/** Plans the inspection of queued units: when it is taken, by whom, and whether it is finished. */
export function planInspection(s: StageContext, unit: QueuedUnits, rma: ReturnOfUnits): void {
  s.inspections.set(unit.id, 'pending');
  const { random } = s;
  // A few units nobody has got to yet: old ones show as SLA breaches in the queue.
  if (random.chance(0.04)) return;
  const hours = unit.isRegulated ? random.int(2, 16) : random.chance(0.1) ? random.int(50, 90) : random.int(4, 44);
  const claimAt = workingHoursAfter(random, unit.receivedAt, hours);
  // Regulated goods are for quality; the rest mostly for the site's own people.
  const inspector = unit.isRegulated || random.chance(0.3) ? s.actors.quality : s.clerkOf(unit.siteId);
  // Taken lately, some are still on the bench; an older one only now and then (parked for a part or an answer).
  const isRecent = Date.parse(s.now) - Date.parse(claimAt) < 36 * 3_600_000;
  const staysOpen = random.chance(isRecent ? 0.4 : 0.02);
  s.plan(claimAt, `claim inspection ${unit.id}`, async () => {
    await claimInspection(s.at(claimAt), context(inspector), unit.id, unit.version);
    s.inspections.set(unit.id, 'in_progress');
    if (staysOpen) return;
    const completeAt = minutesAfter(claimAt, random.int(8, 55));
    s.plan(completeAt, `complete inspection ${unit.id}`, () => complete(s, unit, rma, inspector, completeAt));
  });
}

async function complete(
  s: StageContext,
  unit: QueuedUnits,
  rma: ReturnOfUnits,
  inspector: Actor,
  at: string,
): Promise<void> {
  const inspection = await getInspection(s.platform.db, context(inspector), new Date(at), unit.id);
  const claim = inspection.claim ?? { reasonCode: 'UNKNOWN', claimedCondition: 'used' };
  const record = inspectUnits(
    s.random,
    { reasonCode: claim.reasonCode, claimedCondition: claim.claimedCondition, category: inspection.category },
    inspection.checklist,
  );
  await completeInspection(s.at(at), context(inspector), unit.id, { ...record, expectedVersion: inspection.version });
  if (!inspection.signOffRequired) {
    s.inspections.set(unit.id, 'completed');
    planDisposition(s, unit, rma, at);
    return;
  }
  s.inspections.set(unit.id, 'awaiting_sign_off');
  if (s.random.chance(0.15)) return;
  const signAt = workingHoursAfter(s.random, at, s.random.int(1, 6));
  const note = s.random.pick(SIGN_OFF_NOTES);
  s.plan(signAt, `sign off inspection ${unit.id}`, async () => {
    await signOffInspection(s.at(signAt), context(s.staff.secondQuality), unit.id, {
      decision: 'approve',
      note,
      expectedVersion: inspection.version + 1,
    });
    s.inspections.set(unit.id, 'completed');
    planDisposition(s, unit, rma, signAt);
  });
}

function planDisposition(s: StageContext, unit: QueuedUnits, rma: ReturnOfUnits, doneAt: string): void {
  // Some completed inspections still wait for someone to decide.
  if (s.random.chance(0.15)) return;
  const from = doneAt > rma.authorizedAt ? doneAt : rma.authorizedAt;
  const at = workingHoursAfter(s.random, from, s.random.int(1, 30));
  s.plan(at, `dispose of inspection ${unit.id}`, () => dispose(s, unit, rma, at));
}

async function dispose(s: StageContext, unit: QueuedUnits, rma: ReturnOfUnits, at: string): Promise<void> {
  const platform = s.at(at);
  const quality = context(s.actors.quality);
  const { recommendation, options } = await getRecommendation(platform, quality, unit.id);
  const choice = chooseDisposition(
    s.random,
    { code: recommendation.code, grade: String(recommendation.facts.grade) },
    s.partnerOf(rma.legalEntityId),
  );
  const action = options.find((option) => option.code === choice.code)?.action;
  // Writing goods off needs quality's approval; the rest is decided by whoever is at the bench.
  const decider = action === 'scrap' || s.random.chance(0.5) ? s.actors.quality : s.clerkOf(unit.siteId);
  const dispositionId = await executeDisposition(platform, context(decider), unit.id, {
    code: choice.code,
    overrideReason: choice.overrideReason,
    rulesVersion: recommendation.rulesVersion,
    ...(choice.partnerId ? { partnerId: choice.partnerId } : {}),
  });
  const { tally } = s;
  tally.dispositionsByCode[choice.code] = (tally.dispositionsByCode[choice.code] ?? 0) + 1;
  if (choice.code !== recommendation.code) tally.overrides += 1;
  if (action !== 'repair' && action !== 'refurbish') return;
  const disposition = await getDisposition(s.platform.db, quality, dispositionId);
  if (disposition.followUpType === 'work_order' && disposition.followUpId)
    planWorkOrderOutcome(s, disposition.followUpId, unit.siteId, at);
}

/** Most work orders come back within two weeks; a partner without a demo user has not reported yet. */
function planWorkOrderOutcome(s: StageContext, workOrderId: string, siteId: string, decidedAt: string): void {
  if (!s.random.chance(0.7)) return;
  const at = workingHoursAfter(s.random, decidedAt, s.random.int(3, 12) * 24);
  const benchPerson = s.random.chance(0.5) ? s.actors.quality : s.clerkOf(siteId);
  s.plan(at, `report work order ${workOrderId}`, async () => {
    const order = await getWorkOrder(s.platform.db, context(s.actors.quality), workOrderId);
    const reporter = order.performer === 'partner' ? s.partnerUserOf(order.partnerId) : benchPerson;
    if (!reporter) return;
    await reportWorkOrderOutcome(s.at(at), context(reporter), workOrderId, {
      ...reportWorkOrder(s.random, order.estimatedCostMinor),
      expectedVersion: order.version,
    });
    s.tally.workOrdersReported += 1;
  });
}
