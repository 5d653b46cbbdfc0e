// Request a return: check eligibility, route for approval, commit the quantities and serials,
// and record the RMA with its verdict — all in one transaction.
import type { CreateRmaRequest, Rma, Routing, Verdict } from '../../contracts/returns.js';
import type { RequestContext } from '../../platform/actor.js';
import type { RmaLinesTable, RmasTable } from '../../platform/db/schema.js';
import { AppError } from '../../platform/errors.js';
import { toIsoDate } from '../../platform/clock.js';
import { runInTransaction, type Platform, type Tx } from '../../platform/unit-of-work.js';
import { assertCan } from '../../identity/index.js';
import { holdSerials, insertRma, nextRmaNumber, tryCommitQuantity } from '../rma.repository.js';
import { buildRmaRows } from './rma-rows.js';
import { evaluateReturnRequest } from './evaluate-return.js';
import { loadRma } from './read-rmas.js';

export async function previewReturn(platform: Platform, ctx: RequestContext, request: CreateRmaRequest) {
  assertCan(ctx.actor, 'returns.create');
  const today = toIsoDate(platform.clock.now());
  return (await evaluateReturnRequest(platform.db, ctx.actor, request, today)).verdict;
}

export async function createRma(platform: Platform, ctx: RequestContext, request: CreateRmaRequest): Promise<Rma> {
  assertCan(ctx.actor, 'returns.create');
  const rmaId = await runInTransaction(platform, ctx, async (tx) => {
    const evaluation = await evaluateReturnRequest(tx.db, ctx.actor, request, tx.today);
    const routing = assertEligible(evaluation.verdict);
    await commitQuantities(tx, request);
    const { rma, lines } = buildRmaRows(tx, request, evaluation, routing, await nextRmaNumber(tx.db));
    await insertRma(tx.db, rma, lines);
    await holdSerials(
      tx.db,
      request.lines.flatMap((line) => line.serials.map((serial) => ({ orderLineId: line.orderLineId, serial }))),
      rma.id,
      new AppError('not_eligible', 'a serial number on this request has just been put on another return'),
    );
    recordRequest(tx, rma, lines, routing);
    return rma.id;
  });
  return loadRma(platform.db, rmaId);
}

function assertEligible(verdict: Verdict): Routing {
  if (!verdict.isEligible || !verdict.routing) {
    throw new AppError('not_eligible', describeFailures(verdict), { extensions: { verdict } });
  }
  return verdict.routing;
}

/** Takes the quantities off the order lines; fixed order so two requests over the same lines cannot deadlock. */
async function commitQuantities(tx: Tx, request: CreateRmaRequest): Promise<void> {
  const commitOrder = request.lines
    .map((line, index) => ({ line, index }))
    .sort((a, b) => a.line.orderLineId.localeCompare(b.line.orderLineId));
  for (const { line, index } of commitOrder) {
    if (!(await tryCommitQuantity(tx.db, line.orderLineId, line.quantity))) {
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

function describeFailures(verdict: Verdict): string {
  const failures = [
    ...verdict.customerChecks.filter((c) => !c.passed).map((c) => c.message),
    ...verdict.lines.flatMap((l) =>
      l.checks.filter((c) => !c.passed).map((c) => `line ${l.lineIndex + 1}: ${c.message}`),
    ),
  ];
  return failures.length > 0 ? failures.join(' ') : 'the return is not eligible';
}
