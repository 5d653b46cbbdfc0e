// Request a return: check eligibility, route for approval, hold the quantities and serials, and
// record the RMA with its verdict — all in one transaction. `requestReturn` is the step (tx, input)
// that workflows compose (EDI intake, factories); `createRma` is the use case that routes call.
import {
  FIELD_OF_CHECK,
  type CreateRmaRequest,
  type Rma,
  type Routing,
  type RoutingInstruction,
  type ShipTo,
  type Verdict,
} from '../../contracts/returns.js';
import type { ReturnChannel } from '../../contracts/returns-vocabulary.js';
import type { Actor, RequestContext } from '../../platform/actor.js';
import { verdictFor } from '../rma-audience.js';
import { AppError } from '../../platform/errors.js';
import { toIsoDate } from '../../platform/clock.js';
import { runInTransaction, type Platform, type Tx } from '../../platform/unit-of-work.js';
import { assertCan } from '../../platform/access.js';
import { nextDocumentNumber } from '../../platform/document-numbers.js';
import { holdReturnQuantity } from '../../sales/index.js';
import type { RmaLinesTable, RmasTable } from '../returns.tables.js';
import { holdSerials, insertRma } from '../rma.repository.js';
import { toRma } from '../rma.view.js';
import { routeAuthorizedReturn, routedGoodsOf } from '../routing-instructions.js';
import { deriveReturnProgress, NO_FACTS } from '../domain/return-progress.js';
import { buildRmaRows, type HistoricalDecision } from './rma-rows.js';
import type { OnReturnAuthorized } from '../on-authorized.js';
import { evaluateReturnRequest, type Evaluation } from './evaluate-return.js';

export async function previewReturn(platform: Platform, ctx: RequestContext, request: CreateRmaRequest) {
  assertCan(ctx.actor, 'returns.create');
  const today = toIsoDate(platform.clock.now());
  return (await evaluateReturnRequest(platform.db, ctx.actor, request, today)).verdict;
}

export async function createRma(
  platform: Platform,
  ctx: RequestContext,
  request: CreateRmaRequest,
  onAuthorized?: OnReturnAuthorized,
): Promise<Rma> {
  assertCan(ctx.actor, 'returns.create');
  return runInTransaction(platform, ctx, (tx) => requestReturn(tx, request, onAuthorized));
}

export interface RequestReturnOptions {
  /** How the return came to us; by default what the actor is (see channelOfActor). */
  channel?: ReturnChannel;
  /** Set only by requestHistoricalReturn: the return happened, decided in the source system. */
  history?: HistoricalDecision;
}

/**
 * The channel a person's or key's request comes through: an API key is 'api' (even a customer's),
 * a customer-portal user 'portal', any other user — and the system acting for staff — 'staff'.
 * Workflows that are a channel of their own (EDI, recall, import) say so explicitly.
 */
export function channelOfActor(actor: Actor): ReturnChannel {
  if (actor.kind === 'api_key') return 'api';
  return actor.customerId ? 'portal' : 'staff';
}

/**
 * The step: requests a return inside the caller's transaction and gives back the new RMA. A return
 * the policy authorizes at once is routed, and `onAuthorized` (the later stages' port) runs with it.
 */
export async function requestReturn(
  tx: Tx,
  request: CreateRmaRequest,
  onAuthorized?: OnReturnAuthorized,
  options: RequestReturnOptions = {},
): Promise<Rma> {
  assertCan(tx.ctx.actor, 'returns.create');
  const evaluation = await evaluateReturnRequest(tx.db, tx.ctx.actor, request, tx.today);
  const routing = assertEligible(evaluation.verdict, tx.ctx.actor);
  await holdQuantities(tx, request);
  const legalEntityId = evaluation.orderLines[0]?.legal_entity_id ?? evaluation.customer.legal_entity_id;
  const number = await nextDocumentNumber(tx, 'rma', legalEntityId);
  const { rma, lines } = buildRmaRows(
    tx,
    request,
    evaluation,
    routing,
    number,
    options.channel ?? channelOfActor(tx.ctx.actor),
    options.history,
  );
  await insertRma(tx, rma, lines);
  await holdSerials(
    tx.db,
    request.lines.flatMap((line) => line.serials.map((serial) => ({ orderLineId: line.orderLineId, serial }))),
    rma.id,
    () => new AppError('not_eligible', 'a serial number on this request has just been put on another return'),
  );
  recordRequest(tx, rma, lines, routing);
  if (rma.status !== 'authorized') return viewOfNewReturn(rma, lines, evaluation, NOT_ROUTED);
  const orderLines = new Map(evaluation.orderLines.map((l) => [l.id, l]));
  const routed = await routeAuthorizedReturn(tx, rma, {
    goods: lines.map((l) => routedGoodsOf(orderLines.get(l.order_line_id ?? '')?.product, l.product_id, l.quantity)),
    customerRegion: evaluation.customer.region,
    rules: evaluation.returnRouting,
    isFirstRouting: true,
  });
  await onAuthorized?.(tx, rma.id);
  return viewOfNewReturn(rma, lines, evaluation, {
    shipTo: routed?.shipTo ?? null,
    routingInstruction: routed?.instruction ?? null,
  });
}

const NOT_ROUTED = { shipTo: null, routingInstruction: null };

/** A return just requested has no later-stage facts yet; its view is built from what was written. */
function viewOfNewReturn(
  rma: RmasTable,
  lines: RmaLinesTable[],
  evaluation: Evaluation,
  destination: { shipTo: ShipTo | null; routingInstruction: RoutingInstruction | null },
): Rma {
  const orderLines = new Map(evaluation.orderLines.map((l) => [l.id, l]));
  const progress = deriveReturnProgress(
    rma.status,
    lines.map((l) => ({ quantity: l.quantity, facts: NO_FACTS })),
  );
  return toRma(
    { ...rma, customer_name: evaluation.customer.name, customer_account: evaluation.customer.account_number },
    lines.map((l) => {
      const orderLine = orderLines.get(l.order_line_id ?? '')!;
      return {
        ...l,
        sku: orderLine.product.sku,
        product_name: orderLine.product.name,
        order_number: orderLine.order_number,
      };
    }),
    progress,
    destination,
  );
}

function assertEligible(verdict: Verdict, actor: Actor): Routing {
  if (!verdict.isEligible || !verdict.routing) {
    // The refusal in the reader's shape, as the evaluate endpoint gives it: a customer's words
    // come from the customer verdict, so no internal basis reaches them through the messages.
    const shown = verdictFor(actor, verdict);
    throw new AppError('not_eligible', describeFailures(shown), {
      errors: failedFields(shown),
      extensions: { verdict: shown },
    });
  }
  return verdict.routing;
}

type Refusal = Pick<Verdict, 'customerChecks' | 'lines'>;

function failedFields(verdict: Refusal): Array<{ path: string; message: string }> {
  const customer = verdict.customerChecks
    .filter((c) => !c.passed)
    .map((c) => ({
      path: c.code === 'request_has_lines' ? 'lines' : c.code === 'single_currency' ? 'lines' : 'customerId',
      message: c.message,
    }));
  const lines = verdict.lines.flatMap((line) =>
    line.checks
      .filter((c) => !c.passed)
      .map((c) => {
        const field = FIELD_OF_CHECK[c.code];
        // Return-type checks are about the request as a whole, not one line's field.
        const path = field === 'returnType' ? 'returnType' : `lines.${line.lineIndex}${field ? `.${field}` : ''}`;
        return { path, message: c.message };
      }),
  );
  return [...customer, ...lines];
}

/** Holds the quantities on the order lines; fixed order so two requests over the same lines cannot deadlock. */
async function holdQuantities(tx: Tx, request: CreateRmaRequest): Promise<void> {
  const holdOrder = request.lines
    .map((line, index) => ({ line, index }))
    .sort((a, b) => a.line.orderLineId.localeCompare(b.line.orderLineId));
  for (const { line, index } of holdOrder) {
    if (!(await holdReturnQuantity(tx, line.orderLineId, line.quantity))) {
      throw new AppError(
        'not_eligible',
        `line ${index + 1}: another return has just taken the remaining quantity; reload the order and try again`,
        { errors: [{ path: `lines.${index}.quantity`, message: 'exceeds the quantity still returnable' }] },
      );
    }
  }
}

function recordRequest(tx: Tx, rma: RmasTable, lines: RmaLinesTable[], routing: Routing): void {
  const isAutoApproved = rma.status === 'authorized';
  tx.audit({
    entityType: 'rma',
    entityId: rma.id,
    action: 'rma.requested',
    after: {
      rmaNumber: rma.rma_number,
      customerId: rma.customer_id,
      returnType: rma.return_type,
      totalValueMinor: rma.total_value_minor,
      currency: rma.currency,
      lines: lines.map((l) => ({ orderLineId: l.order_line_id, quantity: l.quantity, reasonCode: l.reason_code })),
    },
  });
  tx.audit({
    entityType: 'rma',
    entityId: rma.id,
    action: isAutoApproved ? 'rma.authorized' : 'rma.routed_for_approval',
    before: { status: 'requested' },
    after: {
      status: rma.status,
      decidedBy: rma.decided_by,
      reasons: routing.reasons,
      returnPolicyVersion: rma.return_policy_version,
      approvalRulesVersion: rma.approval_rules_version,
      expiresOn: rma.expires_on,
    },
  });
  const payload = { rmaId: rma.id, rmaNumber: rma.rma_number, customerId: rma.customer_id, status: rma.status };
  tx.emit({ type: 'rma.requested', aggregateType: 'rma', aggregateId: rma.id, payload });
  tx.emit({
    type: isAutoApproved ? 'rma.authorized' : 'rma.approval_requested',
    aggregateType: 'rma',
    aggregateId: rma.id,
    payload,
  });
}

function describeFailures(verdict: Refusal): string {
  const failures = [
    ...verdict.customerChecks.filter((c) => !c.passed).map((c) => c.message),
    ...verdict.lines.flatMap((l) =>
      l.checks.filter((c) => !c.passed).map((c) => `line ${l.lineIndex + 1}: ${c.message}`),
    ),
  ];
  return failures.length > 0 ? failures.join(' ') : 'the return is not eligible';
}
