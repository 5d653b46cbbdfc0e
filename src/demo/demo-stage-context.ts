// What every step of the demo's later stages works with: the platform with its clock set to the
// step's moment, the people (who receives, inspects and decides at which site), the entities'
// repair partners, the calendar, and the tally the summary reports.
import type { Actor } from '../platform/actor.js';
import { fixedClock } from '../platform/clock.js';
import { AppError } from '../platform/errors.js';
import type { Platform } from '../platform/unit-of-work.js';
import type { InspectionStatus } from '../contracts/inspection-vocabulary.js';
import { findActivePartners, findPartner } from '../masterdata/index.js';
import type { Random } from './random.js';
import type { DemoActors } from './demo-users.js';
import type { DemoStaff } from './demo-staff.js';
import { createTimeline, type Timeline } from './demo-timeline.js';
import type { DemoClaimsTally } from './demo-claims.js';

export interface LaterStagesSummary {
  /** Authorized returns whose goods arrived (some of them partly) and the receipts that took them in. */
  returnsReceived: number;
  returnsPartlyReceived: number;
  /** Shipments customers recorded: of goods that since arrived, and of goods still on their way. */
  shipments: number;
  receipts: number;
  unitsReceived: number;
  /** The inspections of those units and of accepted unannounced arrivals, by where they stand today. */
  inspections: Record<InspectionStatus, number>;
  dispositionsByCode: Record<string, number>;
  overrides: number;
  workOrdersReported: number;
  /** Vendor returns shipped on the Friday runs, the claims they submitted, and those paid. */
  claims: DemoClaimsTally;
  /** Steps a use case refused (none unless the configuration changed under the demo), with why. */
  refused: string[];
}

export interface StageContext {
  platform: Platform;
  random: Random;
  actors: DemoActors;
  staff: DemoStaff;
  now: string;
  /** The platform as of a moment: what each step runs against. */
  at(moment: string): Platform;
  /** Plans a step; a use case's refusal is tallied, not fatal. False when the moment is not before now. */
  plan(moment: string, label: string, run: () => Promise<void>): boolean;
  run(): Promise<void>;
  /** The warehouse clerk of a site (the demo warehouse user at their own site). */
  clerkOf(siteId: string): Actor;
  /** The active repair partner of a legal entity, if it has one. */
  partnerOf(legalEntityId: string): string | null;
  /** The demo user of a repair partner, if it has one. */
  partnerUserOf(partnerId: string | null): Actor | null;
  /** Inspections the later stages know of, by where each stands. */
  inspections: Map<string, InspectionStatus>;
  tally: Omit<LaterStagesSummary, 'inspections' | 'returnsReceived' | 'returnsPartlyReceived'> & {
    /** Units still expected of each return received so far. */
    stillExpected: Map<string, number>;
  };
}

/** Work is planned up to a quarter of an hour before now, so nothing is dated in the future. */
const MARGIN_MS = 15 * 60_000;

export async function createStageContext(
  platform: Platform,
  input: { random: Random; actors: DemoActors; staff: DemoStaff },
): Promise<StageContext> {
  const now = platform.clock.now().toISOString();
  const timeline: Timeline = createTimeline(new Date(Date.parse(now) - MARGIN_MS).toISOString());
  const partners = await partnersByEntity(platform);
  const tally: StageContext['tally'] = {
    shipments: 0,
    receipts: 0,
    unitsReceived: 0,
    dispositionsByCode: {},
    overrides: 0,
    workOrdersReported: 0,
    claims: { vendorReturnsShipped: 0, claimsSubmitted: 0, claimsPaid: 0 },
    refused: [],
    stillExpected: new Map(),
  };
  return {
    platform,
    random: input.random,
    actors: input.actors,
    staff: input.staff,
    now,
    at: (moment) => ({ ...platform, clock: fixedClock(moment) }),
    plan: (moment, label, run) =>
      timeline.plan(moment, async () => {
        try {
          await run();
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          tally.refused.push(`${label}: ${error.message}`);
        }
      }),
    run: () => timeline.run(),
    clerkOf: (siteId) => input.staff.clerks.get(siteId) ?? input.actors.warehouse,
    partnerOf: (legalEntityId) => partners.get(legalEntityId) ?? null,
    partnerUserOf: (partnerId) =>
      partnerId !== null && input.actors.repair_partner.partnerId === partnerId ? input.actors.repair_partner : null,
    inspections: new Map(),
    tally,
  };
}

/** The first active repair partner of each legal entity (by code). */
async function partnersByEntity(platform: Platform): Promise<Map<string, string>> {
  const byEntity = new Map<string, string>();
  for (const { id } of await findActivePartners(platform.db, 'repair')) {
    const partner = await findPartner(platform.db, id);
    if (partner && !byEntity.has(partner.legal_entity_id)) byEntity.set(partner.legal_entity_id, partner.id);
  }
  return byEntity;
}

export function summarize(s: StageContext): LaterStagesSummary {
  const inspections: Record<InspectionStatus, number> = {
    pending: 0,
    in_progress: 0,
    awaiting_sign_off: 0,
    completed: 0,
  };
  for (const status of s.inspections.values()) inspections[status] += 1;
  const { stillExpected, ...tally } = s.tally;
  return {
    ...tally,
    returnsReceived: stillExpected.size,
    returnsPartlyReceived: [...stillExpected.values()].filter((units) => units > 0).length,
    inspections,
  };
}
