// The rules' recommendation for a completed inspection: the facts gathered from every stage that
// knows one (inspection: grade and findings; returns: the claim; master data: the product, its
// value and its supplier's terms; sales: when it was delivered; receiving: the lot's expiry), the
// rules in force applied to them (domain/rules-engine.ts), and where the units would go.
import type { Kysely, Transaction } from 'kysely';
import type { ConfigVersion } from '../contracts/configuration.js';
import type { Recommendation as RecommendationView } from '../contracts/disposition.js';
import type { DispositionRules } from '../contracts/disposition-rules.js';
import type { RequestContext } from '../platform/actor.js';
import { assertCan } from '../platform/access.js';
import { addMonths, daysBetween } from '../platform/calendar.js';
import type { DB } from '../platform/db/database.js';
import { AppError } from '../platform/errors.js';
import type { Platform } from '../platform/unit-of-work.js';
import { findCurrentConfigs } from '../configuration/index.js';
import { findActivePartners, findProductsWithSupplier, type ProductWithSupplier } from '../masterdata/index.js';
import { findOrderLinesForReturns } from '../sales/index.js';
import { findReturnLineDetails, type ReturnLineDetails } from '../returns/index.js';
import { findReceiptExpiry } from '../receiving/index.js';
import { findCompletedInspection, type CompletedInspection } from '../inspection/index.js';
import { estimateCosts, evaluateRules, type DispositionFacts } from './domain/rules-engine.js';
import { performerOf, profileOf, type DispositionCodeEntry } from './domain/disposition-actions.js';

type Reader = Kysely<DB> | Transaction<DB>;

export interface DispositionBasis {
  inspection: CompletedInspection;
  line: ReturnLineDetails;
  product: ProductWithSupplier;
  facts: DispositionFacts;
  codes: readonly DispositionCodeEntry[];
  rulesVersion: number;
  recommendation: RecommendationView;
}

/** The inspection, finished (and signed off where regulated), or why it cannot be disposed of yet. */
export async function findInspectionToDispose(db: Reader, inspectionId: string): Promise<CompletedInspection> {
  const inspection = await findCompletedInspection(db, inspectionId);
  if (!inspection) throw new AppError('not_found', `inspection ${inspectionId} was not found`);
  if (inspection.status === 'awaiting_sign_off')
    throw new AppError('invalid_transition', `inspection ${inspectionId} is waiting for quality's sign-off`);
  if (inspection.status !== 'completed' || !inspection.grade)
    throw new AppError('invalid_transition', `inspection ${inspectionId} is not completed yet`);
  return inspection;
}

/** The facts of a completed inspection's units, and what they were gathered from. */
export interface GatheredFacts {
  line: ReturnLineDetails;
  product: ProductWithSupplier;
  facts: DispositionFacts;
  /** The configuration in force the facts were read with (one query for all three). */
  config: {
    rules: ConfigVersion<'disposition_rules'>;
    codes: readonly DispositionCodeEntry[];
  };
}

/**
 * The facts the rules test, without applying any rules (the rules preview applies a draft to them
 * as well as the rules in force). Repair and refurbishment costs are estimated with the cost
 * table of the rules in force.
 */
export async function gatherFacts(db: Reader, inspection: CompletedInspection, today: string): Promise<GatheredFacts> {
  const line = (await findReturnLineDetails(db, [inspection.rmaLineId])).get(inspection.rmaLineId);
  const [product] = await findProductsWithSupplier(db, [inspection.productId]);
  if (!line || !product)
    throw new AppError('not_found', `the return line of inspection ${inspection.id} was not found`);
  const config = await findCurrentConfigs(db, ['disposition_rules', 'disposition_codes', 'reason_codes']);
  const [orderLine] = line.orderLineId ? await findOrderLinesForReturns(db, [line.orderLineId]) : [];
  const deliveredOn = orderLine?.delivery_date ?? orderLine?.ship_date ?? null;
  const expiry = await findReceiptExpiry(db, inspection.receiptId, inspection.rmaLineId);
  const unitValueMinor = product.unit_cost_minor;
  const costs = estimateCosts(config.disposition_rules.document, product.category, unitValueMinor);
  const received = inspection.receivedAt.slice(0, 10);
  // The vendor's window runs from when we shipped the unit to the customer (we bought it before
  // that); without the sale, from when it came back to us.
  const vendorClockStart = orderLine?.ship_date ?? received;
  const facts: DispositionFacts = {
    grade: inspection.grade!,
    reasonCode: line.reasonCode,
    reasonFault: config.reason_codes.document.codes.find((c) => c.code === line.reasonCode)?.fault ?? 'none',
    returnType: line.returnType,
    claimedCondition: line.claimedCondition,
    category: product.category,
    regulatedClass: product.regulated_class,
    claimVerdict: inspection.claimVerdict ?? 'not_assessed',
    defectCodes: inspection.defectCodes,
    noFaultFound: inspection.noFaultFound,
    isSerialized: product.is_serialized === 1,
    isTemperatureControlled: product.is_temperature_controlled === 1,
    underWarranty: deliveredOn !== null && addMonths(deliveredOn, product.warranty_months) >= today,
    hasSupplier: product.supplier_id !== null,
    supplierAcceptsReturns: product.accepts_vendor_returns === 1,
    withinVendorReturnWindow:
      product.supplier_id !== null && daysBetween(vendorClockStart, today) <= (product.vendor_return_window_days ?? 0),
    unitValueMinor,
    repairCostMinor: costs.repairCostMinor,
    refurbishCostMinor: costs.refurbishCostMinor,
    ageDays: deliveredOn ? daysBetween(deliveredOn, today) : null,
    lotExpiresInDays: expiry ? daysBetween(today, expiry) : null,
  };
  return {
    line,
    product,
    facts,
    config: { rules: config.disposition_rules, codes: config.disposition_codes.document.codes },
  };
}

/**
 * A rules document applied to the facts, as the inspector reads it: the code in force it
 * recommends, why, and where the units would go. A code not in force cannot be carried out.
 */
export function recommendationOf(
  rules: DispositionRules,
  rulesVersion: number,
  facts: DispositionFacts,
  codes: readonly DispositionCodeEntry[],
): RecommendationView {
  const result = evaluateRules(rules, facts);
  const code = codes.find((c) => c.code === result.code);
  if (!code)
    throw new AppError(
      'rule_violation',
      `the rules recommend ${result.code}, which is not a disposition code in force; an admin must fix the rules`,
    );
  const profile = profileOf(code);
  return {
    code: code.code,
    label: code.label,
    action: profile.action,
    ruleId: result.ruleId,
    ruleName: result.ruleName,
    rulesVersion,
    explanation: result.explanation,
    conditionsMet: result.conditionsMet,
    rulesSkipped: result.rulesSkipped,
    facts: { ...facts },
    targetStatus: profile.status,
    targetLocationCode: result.locationCode ?? null,
  };
}

export async function gatherBasis(
  db: Reader,
  inspection: CompletedInspection,
  today: string,
): Promise<DispositionBasis> {
  const { line, product, facts, config } = await gatherFacts(db, inspection, today);
  return {
    inspection,
    line,
    product,
    facts,
    codes: config.codes,
    rulesVersion: config.rules.version,
    recommendation: recommendationOf(config.rules.document, config.rules.version, facts, config.codes),
  };
}

/** What the inspector sees beside the inspection: the recommendation and the codes to choose from. */
export async function getRecommendation(platform: Platform, ctx: RequestContext, inspectionId: string) {
  assertCan(ctx.actor, 'inspection.read');
  const inspection = await findInspectionToDispose(platform.db, inspectionId);
  const basis = await gatherBasis(platform.db, inspection, platform.clock.now().toISOString().slice(0, 10));
  return {
    inspectionId,
    recommendation: basis.recommendation,
    options: basis.codes
      .filter((c) => c.isActive)
      .map((c) => {
        const profile = profileOf(c);
        return {
          code: c.code,
          label: c.label,
          action: profile.action,
          description: c.description,
          needsScrapApproval: profile.action === 'scrap',
          performer: performerOf(c),
        };
      }),
    repairPartners: await findActivePartners(platform.db, 'repair'),
  };
}
