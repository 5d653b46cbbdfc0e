// One 180 from a partner, answered: its lines mapped through the partner's tables, matched to the
// customer's order lines by PO and item, and requested through the same step as the API's
// `POST /returns` (eligibility, approval routing, quantity holds, early credit) in the transaction
// that records the set's outcome. Lines the policy refuses are answered one by one: the rest is
// requested again without them, so one late line does not refuse a whole pallet.
import type { CreateRmaRequest, ReturnType, Verdict } from '../../contracts/returns.js';
import type { TradingPartner } from '../../contracts/edi.js';
import type { Actor } from '../../platform/actor.js';
import { AppError } from '../../platform/errors.js';
import { runInTransaction, type Platform } from '../../platform/unit-of-work.js';
import { requestReturn, type OnReturnAuthorized } from '../../returns/index.js';
import { findProductsByCode } from '../../masterdata/index.js';
import { findOrderLinesByPo } from '../../sales/index.js';
import {
  chooseOrderLine,
  mapReturnRequestLines,
  recordInboundSet,
  responseReasonOfCheck,
  RESPONSE_REASONS,
  type AnsweredLine,
  type InboundSetOutcome,
  type LineRefusal,
  type MappedLine,
  type ReturnRequest180,
} from '../../edi/index.js';

export type SetAnswer = {
  outcome: InboundSetOutcome;
  rmaId: string | null;
  rmaNumber: string | null;
  lines: AnsweredLine[];
};

type Place = { documentId: string; groupControlNumber: string };

export async function answerReturnRequest(
  platform: Platform,
  partner: TradingPartner,
  request: ReturnRequest180,
  place: Place,
  onAuthorized: OnReturnAuthorized,
): Promise<SetAnswer> {
  const actor = ediActor(partner);
  const ctx = { actor, requestId: `edi:${place.documentId}:${request.setControlNumber}` };
  const { mapped, refused } = mapReturnRequestLines(request.lines, partner.mappings);
  const located = await locateOrderLines(platform, partner.customerId!, mapped);
  const refusals = [...refused, ...located.refused];
  const [kind] = located.lines.map((l) => l.returnType);
  // One return is of one kind: lines asking for another kind than the first are answered apart.
  const sameKind = located.lines.filter((l) => l.returnType === kind);
  for (const line of located.lines.filter((l) => l.returnType !== kind))
    refusals.push({
      lineIndex: line.lineIndex,
      responseReason: RESPONSE_REASONS.moreInformation,
      message: `line ${line.lineIndex + 1}: asks for a ${line.returnType} return, the others a ${kind} one; send it in its own 180`,
    });

  let candidates = sameKind;
  while (candidates.length > 0) {
    const rmaRequest = toRmaRequest(partner, request, candidates, kind!);
    try {
      return await runInTransaction(platform, ctx, async (tx) => {
        const rma = await requestReturn(tx, rmaRequest, onAuthorized, { channel: 'edi' });
        const answer = answerOf(request, candidates, refusals, rma.status === 'authorized' ? 'authorized' : 'pending', {
          id: rma.id,
          number: rma.rmaNumber,
        });
        await recordInboundSet(tx, partner.id, place, request, answer);
        return answer;
      });
    } catch (error) {
      const refusedByPolicy = policyRefusals(error, candidates);
      if (!refusedByPolicy) throw error;
      refusals.push(...refusedByPolicy);
      const refusedIndexes = new Set(refusedByPolicy.map((r) => r.lineIndex));
      // Nothing refused line by line (the customer itself, a race on the quantity): all of it is refused.
      candidates = refusedIndexes.size === 0 ? [] : candidates.filter((c) => !refusedIndexes.has(c.lineIndex));
    }
  }
  return runInTransaction(platform, ctx, async (tx) => {
    const answer = answerOf(request, [], refusals, 'refused', null);
    await recordInboundSet(tx, partner.id, place, request, answer);
    return answer;
  });
}

/** Who acts when a partner's 180 requests a return: the partner, as its customer, seeing only that account. */
export function ediActor(partner: TradingPartner): Actor {
  return {
    kind: 'system',
    id: `edi:${partner.id}`,
    personId: `edi:${partner.id}`,
    name: `EDI ${partner.name}`,
    role: 'customer',
    customerId: partner.customerId,
  };
}

const unpadded = (gtin: string) => gtin.trim().replace(/^0+/, '');

type LocatedLine = MappedLine & { orderLineId: string };

async function locateOrderLines(
  platform: Platform,
  customerId: string,
  lines: readonly MappedLine[],
): Promise<{ lines: LocatedLine[]; refused: LineRefusal[] }> {
  const located: LocatedLine[] = [];
  const refused: LineRefusal[] = [];
  const taken = new Map<string, number>();
  for (const line of lines) {
    const products = (await findProductsByCode(platform.db, line.item.code)).filter((p) =>
      line.item.kind === 'sku' ? p.sku === line.item.code : unpadded(p.gtin ?? '') === unpadded(line.item.code),
    );
    if (products.length === 0) {
      refused.push({
        lineIndex: line.lineIndex,
        responseReason: RESPONSE_REASONS.unidentifiableItem,
        message: `line ${line.lineIndex + 1}: no product has ${line.item.kind === 'sku' ? 'SKU' : 'GTIN'} ${line.item.code}`,
      });
      continue;
    }
    const productIds = products.map((p) => p.id);
    const candidates = (
      await findOrderLinesByPo(platform.db, { customerId, customerPo: line.poNumber, productIds })
    ).map(
      // Two lines of one 180 for the same order line share what is left of it.
      (c) => ({ ...c, returnable: c.returnable - (taken.get(c.orderLineId) ?? 0) }),
    );
    const chosen = chooseOrderLine(candidates, productIds, line.quantity);
    if (!chosen) {
      refused.push({
        lineIndex: line.lineIndex,
        responseReason: RESPONSE_REASONS.noRecordOfSale,
        message: `line ${line.lineIndex + 1}: no order under PO ${line.poNumber} sold item ${line.item.code}`,
      });
      continue;
    }
    taken.set(chosen.orderLineId, (taken.get(chosen.orderLineId) ?? 0) + line.quantity);
    located.push({ ...line, orderLineId: chosen.orderLineId });
  }
  return { lines: located, refused };
}

function toRmaRequest(
  partner: TradingPartner,
  request: ReturnRequest180,
  lines: readonly LocatedLine[],
  returnType: ReturnType,
): CreateRmaRequest {
  return {
    customerId: partner.customerId!,
    returnType,
    note: [`EDI 180 ${request.reference} from ${partner.name}`, request.note]
      .filter(Boolean)
      .join(' — ')
      .slice(0, 4000),
    customerReference: request.reference.slice(0, 80),
    lines: lines.map((line) => ({
      orderLineId: line.orderLineId,
      quantity: line.quantity,
      reasonCode: line.reasonCode,
      claimedCondition: line.claimedCondition,
      note: line.note,
      serials: line.serials,
      lots: line.lots,
    })),
  };
}

/**
 * The policy's refusal, line by line (index in the 180), in the customer's words: null when the
 * error is not a refusal (a bug, the database) so the caller lets it through.
 */
function policyRefusals(error: unknown, candidates: readonly LocatedLine[]): LineRefusal[] | null {
  if (!(error instanceof AppError) || error.code !== 'not_eligible') return null;
  const verdict = error.extensions.verdict as Verdict | undefined;
  if (!verdict) return [];
  const customerLevel = verdict.customerChecks.filter((c) => !c.passed);
  const perLine = verdict.lines
    .filter((line) => line.checks.some((c) => !c.passed))
    .map((line) => {
      const failed = line.checks.filter((c) => !c.passed);
      const original = candidates[line.lineIndex]!;
      return {
        lineIndex: original.lineIndex,
        responseReason: responseReasonOfCheck(failed[0]!.code),
        message: `line ${original.lineIndex + 1}: ${failed.map((c) => c.message).join('; ')}`,
      };
    });
  if (customerLevel.length > 0)
    return candidates.map((c) => ({
      lineIndex: c.lineIndex,
      responseReason: RESPONSE_REASONS.moreInformation,
      message: customerLevel.map((check) => check.message).join('; '),
    }));
  return perLine;
}

function answerOf(
  request: ReturnRequest180,
  requested: readonly LocatedLine[],
  refusals: readonly LineRefusal[],
  requestedAnswer: 'authorized' | 'pending' | 'refused',
  rma: { id: string; number: string } | null,
): SetAnswer {
  const refusedBy = new Map(refusals.map((r) => [r.lineIndex, r]));
  const requestedIndexes = new Set(requested.map((l) => l.lineIndex));
  const lines = request.lines.map((line): AnsweredLine => {
    const refusal = refusedBy.get(line.lineIndex);
    const answer = requestedIndexes.has(line.lineIndex) ? requestedAnswer : 'refused';
    return {
      itemQualifier: line.itemQualifier,
      itemId: line.itemId,
      quantity: line.quantity,
      unit: line.unit,
      poNumber: line.poNumber,
      answer,
      reason: line.reason,
      responseReason: answer === 'refused' ? (refusal?.responseReason ?? RESPONSE_REASONS.moreInformation) : null,
      message: answer === 'refused' ? (refusal?.message ?? 'refused') : '',
    };
  });
  const outcome: InboundSetOutcome =
    requested.length === 0
      ? 'refused'
      : refusals.length > 0
        ? 'partially_authorized'
        : requestedAnswer === 'authorized'
          ? 'authorized'
          : 'pending_approval';
  return { outcome, rmaId: rma?.id ?? null, rmaNumber: rma?.number ?? null, lines };
}
