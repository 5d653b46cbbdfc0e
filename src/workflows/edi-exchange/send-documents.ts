// Documents we send a partner unasked: an RMA as a 180 (and the final answer to a 180 we answered
// "pending"), a credit memo issued to a partner's customer account and a claim against a partner's
// supplier as 812s. Each goes once per subject (the document log's subject key); the transport
// then writes it out.
import type { EdiRecord, TradingPartner } from '../../contracts/edi.js';
import type { Rma } from '../../contracts/returns.js';
import type { RequestContext } from '../../platform/actor.js';
import { systemContext } from '../../platform/actor.js';
import { assertCan } from '../../platform/access.js';
import { AppError } from '../../platform/errors.js';
import { minorUnitsOf } from '../../platform/money/currencies.js';
import { runInTransaction, type Platform } from '../../platform/unit-of-work.js';
import { getRma } from '../../returns/index.js';
import { getCreditMemo, listCreditMemos } from '../../settlement/index.js';
import { getSupplierClaim, listSupplierClaims } from '../../recovery/index.js';
import {
  adjustment812,
  ADJUSTMENT_REASONS,
  answerOfSet,
  exchanges,
  findSetsAwaitingDecision,
  findTradingPartner,
  listTradingPartners,
  markFinalAnswerSent,
  queueOutboundDocument,
  returnAuthorization180,
  RESPONSE_REASONS,
  toTradingPartner,
  x12DateTime,
  type AnsweredLine,
  type RecordedAnswer,
} from '../../edi/index.js';
import { loadReturnFacts } from '../return-facts.js';

export type SentDocument = { documentId: string; alreadySent: boolean };

async function partnerFor(platform: Platform, partnerId: string): Promise<TradingPartner> {
  const row = await findTradingPartner(platform.db, partnerId);
  if (!row) throw new AppError('not_found', `trading partner ${partnerId} was not found`);
  return toTradingPartner(row);
}

function assertExchanges(partner: TradingPartner, kind: '180_out' | '812_out') {
  if (!exchanges(partner, kind))
    throw new AppError(
      'rule_violation',
      `we do not send ${kind.slice(0, 3)}s to ${partner.code}: ${partner.isActive ? `its documents do not list ${kind}` : 'it is not active'}`,
    );
}

/** An RMA as a 180 (BGN01 00): its status line by line, in the partner's item numbers and reason codes. */
export async function sendRmaAs180(
  platform: Platform,
  ctx: RequestContext,
  partnerId: string,
  rmaId: string,
): Promise<SentDocument> {
  assertCan(ctx.actor, 'edi.send');
  const partner = await partnerFor(platform, partnerId);
  assertExchanges(partner, '180_out');
  const rma = await getRma(platform, ctx, rmaId, loadReturnFacts);
  if (rma.customerId !== partner.customerId)
    throw new AppError('rule_violation', `return ${rma.rmaNumber} is not of ${partner.code}'s customer account`);
  const answer = rmaStatusAnswer(rma);
  return runInTransaction(platform, ctx, async (tx) => {
    const sent = await queueOutboundDocument(tx, partner, {
      sets: [
        {
          code: '180',
          body: returnAuthorization180({
            purpose: '00',
            reference: rma.rmaNumber,
            rmaNumber: rma.rmaNumber,
            ...x12DateTime(tx.now),
            poNumber: null,
            lines: rma.lines.map((line) => ({
              ...itemNumberFor(partner, line.sku),
              quantity: line.quantity,
              unit: 'EA',
              poNumber: null,
              answer,
              reason: partnerReasonOf(partner, line.reasonCode),
              responseReason: answer === 'refused' ? RESPONSE_REASONS.moreInformation : null,
              message: answer === 'refused' ? (rma.decisionComment ?? `return ${rma.status}`) : '',
            })),
          }),
        },
      ],
      records: [{ type: 'rma', id: rma.id, number: rma.rmaNumber }],
      inReplyTo: null,
      subjectKey: `180:${rma.id}:${rma.status}`,
    });
    return { documentId: sent.id, alreadySent: sent.alreadySent };
  });
}

function rmaStatusAnswer(rma: Pick<Rma, 'status'>): AnsweredLine['answer'] {
  if (rma.status === 'requested' || rma.status === 'pending_approval') return 'pending';
  if (rma.status === 'rejected' || rma.status === 'cancelled' || rma.status === 'expired') return 'refused';
  return 'authorized';
}

/** Our SKU in the partner's numbers: its own item number when its cross-reference has one, else ours as VN. */
function itemNumberFor(partner: TradingPartner, sku: string): { itemQualifier: string; itemId: string } {
  const crossQualifier = Object.entries(partner.mappings.items.qualifiers).find(
    ([, kind]) => kind === 'cross_reference',
  );
  const theirs = Object.entries(partner.mappings.items.crossReference).find(([, ourSku]) => ourSku === sku);
  if (crossQualifier && theirs) return { itemQualifier: crossQualifier[0], itemId: theirs[0] };
  const skuQualifier = Object.entries(partner.mappings.items.qualifiers).find(([, kind]) => kind === 'sku');
  return { itemQualifier: skuQualifier?.[0] ?? 'VN', itemId: sku };
}

function partnerReasonOf(partner: TradingPartner, reasonCode: string): string | null {
  return Object.entries(partner.mappings.reasons).find(([, r]) => r.reasonCode === reasonCode)?.[0] ?? null;
}

/**
 * The final word on 180s we answered "pending": once staff approve or reject the return, the
 * partner gets the same lines answered again (BGN01 11, their reference). Run by the EDI job.
 */
export async function answerDecidedReturns(platform: Platform): Promise<number> {
  const ctx = systemContext('edi-decisions');
  let answered = 0;
  for (const set of await findSetsAwaitingDecision(platform.db, 100)) {
    const rma = await getRma(platform, ctx, set.rma_id!, loadReturnFacts);
    const final = rmaStatusAnswer(rma);
    if (final === 'pending') continue;
    const partner = toTradingPartner((await findTradingPartner(platform.db, set.partner_id))!);
    const earlier = answerOfSet(set);
    const lines = earlier.lines.map((line): AnsweredLine =>
      line.answer !== 'pending'
        ? line
        : {
            ...line,
            answer: final,
            responseReason: final === 'refused' ? RESPONSE_REASONS.moreInformation : null,
            message: final === 'refused' ? (rma.decisionComment ?? `return ${rma.status}`).slice(0, 80) : '',
          },
    );
    const answer: RecordedAnswer = {
      ...earlier,
      lines,
      outcome:
        final === 'refused'
          ? 'refused'
          : lines.some((l) => l.answer === 'refused')
            ? 'partially_authorized'
            : 'authorized',
    };
    await runInTransaction(platform, ctx, async (tx) => {
      if (exchanges(partner, '180_out'))
        await queueOutboundDocument(tx, partner, {
          sets: [
            {
              code: '180',
              body: returnAuthorization180({
                purpose: '11',
                reference: set.reference,
                rmaNumber: rma.rmaNumber,
                ...x12DateTime(tx.now),
                poNumber: null,
                lines,
              }),
            },
          ],
          records: [{ type: 'rma', id: rma.id, number: rma.rmaNumber }],
          inReplyTo: set.document_id,
          subjectKey: `180-decision:${set.id}`,
        });
      await markFinalAnswerSent(tx, [set.id], new Map([[set.id, answer]]));
    });
    answered += 1;
  }
  return answered;
}

/** A credit memo we issued, as an 812 credit to the partner whose customer account it credits. */
export async function sendCreditMemoAs812(
  platform: Platform,
  ctx: RequestContext,
  partnerId: string,
  creditMemoId: string,
): Promise<SentDocument> {
  assertCan(ctx.actor, 'edi.send');
  const partner = await partnerFor(platform, partnerId);
  assertExchanges(partner, '812_out');
  const memo = await getCreditMemo(platform.db, ctx, creditMemoId);
  if (memo.customerId !== partner.customerId)
    throw new AppError('rule_violation', `credit memo ${memo.id} is not of ${partner.code}'s customer account`);
  if (!memo.creditMemoNumber || (memo.status !== 'issued' && memo.status !== 'applied'))
    throw new AppError('rule_violation', `credit memo ${memo.id} is ${memo.status}: only an issued memo is sent`);
  const number = memo.creditMemoNumber;
  return runInTransaction(platform, ctx, async (tx) => {
    const sent = await queueOutboundDocument(tx, partner, {
      sets: [
        {
          code: '812',
          body: adjustment812({
            number,
            date: x12DateTime(memo.issuedAt ?? tx.now).date,
            creditOrDebit: 'C',
            totalMinor: memo.totalMinor,
            currency: memo.currency,
            minorUnits: minorUnitsOf(memo.currency),
            poNumber: null,
            references: [{ qualifier: 'RZ', value: memo.rmaNumber ?? memo.rmaId }],
            parties: [{ code: 'BY', name: memo.customerName ?? partner.name }],
            lines: memo.lines.map((line, index) => ({
              reasonCode: ADJUSTMENT_REASONS.authorizedReturn,
              creditOrDebit: 'C',
              lineId: String(index + 1),
              amountMinor: line.totalMinor,
              quantity: line.quantity,
              unitPriceMinor: line.unitPriceMinor,
              ...itemNumberFor(partner, line.productSku ?? line.productId),
            })),
          }),
        },
      ],
      records: [{ type: 'credit_memo', id: memo.id, number }],
      inReplyTo: null,
      subjectKey: `812:${memo.id}`,
    });
    return { documentId: sent.id, alreadySent: sent.alreadySent };
  });
}

/** A supplier claim, as an 812 debit to the partner that is that supplier. */
export async function sendSupplierClaimAs812(
  platform: Platform,
  ctx: RequestContext,
  partnerId: string,
  claimId: string,
): Promise<SentDocument> {
  assertCan(ctx.actor, 'edi.send');
  const partner = await partnerFor(platform, partnerId);
  assertExchanges(partner, '812_out');
  const claim = await getSupplierClaim(platform.db, ctx, claimId, platform.clock.now().toISOString().slice(0, 10));
  if (claim.supplierId !== partner.supplierId)
    throw new AppError('rule_violation', `claim ${claim.claimNumber} is not against ${partner.code}'s supplier`);
  return runInTransaction(platform, ctx, async (tx) => {
    const sent = await queueOutboundDocument(tx, partner, {
      sets: [
        {
          code: '812',
          body: adjustment812({
            number: claim.claimNumber,
            date: x12DateTime(claim.submittedAt).date,
            creditOrDebit: 'D',
            totalMinor: claim.claimedMinor,
            currency: claim.currency,
            minorUnits: minorUnitsOf(claim.currency),
            poNumber: null,
            references: claim.vendorReturnNumber ? [{ qualifier: 'RZ', value: claim.vendorReturnNumber }] : [],
            parties: [{ code: 'SE', name: claim.supplierName ?? partner.name }],
            lines: claim.lines.map((line, index) => ({
              reasonCode: ADJUSTMENT_REASONS.returnsQuality,
              creditOrDebit: 'D',
              lineId: String(index + 1),
              amountMinor: line.claimedMinor,
              quantity: line.quantity,
              unitPriceMinor: line.unitCostMinor,
              itemQualifier: 'VN',
              itemId: line.productSku ?? line.productId,
            })),
          }),
        },
      ],
      records: [{ type: 'supplier_claim', id: claim.id, number: claim.claimNumber }],
      inReplyTo: null,
      subjectKey: `812:${claim.id}`,
    });
    return { documentId: sent.id, alreadySent: sent.alreadySent };
  });
}

/**
 * Memos issued and claims submitted since a partner was set up with 812_out, sent without anyone
 * asking (the subject key makes a second pass a no-op). Run by the EDI job.
 */
export async function sendDueAdjustments(platform: Platform): Promise<EdiRecord[]> {
  const ctx = systemContext('edi-adjustments');
  const sent: EdiRecord[] = [];
  for (const partner of await listTradingPartners(platform, ctx)) {
    if (!exchanges(partner, '812_out')) continue;
    if (partner.customerId) {
      for (const status of ['issued', 'applied'] as const) {
        const memos = await listCreditMemos(platform.db, ctx, {
          status,
          customerId: partner.customerId,
          page: 1,
          pageSize: 200,
        });
        for (const memo of memos.items.filter((m) => (m.issuedAt ?? '') >= partner.createdAt)) {
          const result = await sendCreditMemoAs812(platform, ctx, partner.id, memo.id);
          if (!result.alreadySent) sent.push({ type: 'credit_memo', id: memo.id, number: memo.creditMemoNumber });
        }
      }
    }
    if (partner.supplierId) {
      const today = platform.clock.now().toISOString().slice(0, 10);
      const claims = await listSupplierClaims(
        platform.db,
        ctx,
        { supplierId: partner.supplierId, page: 1, pageSize: 200, submittedFrom: partner.createdAt.slice(0, 10) },
        today,
      );
      for (const claim of claims.items.filter((c) => c.submittedAt >= partner.createdAt)) {
        const result = await sendSupplierClaimAs812(platform, ctx, partner.id, claim.id);
        if (!result.alreadySent) sent.push({ type: 'supplier_claim', id: claim.id, number: claim.claimNumber });
      }
    }
  }
  return sent;
}
