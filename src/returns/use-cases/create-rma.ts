// Request a return: check eligibility, route for approval, commit the quantities and serials,
// and record the RMA with its verdict — all in one transaction.
import type { CreateRmaRequest, Rma } from '../../contracts/returns.js';
import type { RequestContext } from '../../platform/actor.js';
import type { RmaLinesTable, RmasTable } from '../../platform/db/schema.js';
import { isUniqueViolation } from '../../platform/db/db-errors.js';
import { AppError } from '../../platform/errors.js';
import { runInTransaction, type Platform } from '../../platform/unit-of-work.js';
import { assertCan } from '../../identity/index.js';
import { addDays } from '../domain/return-window.js';
import { assertTransition } from '../domain/rma-state-machine.js';
import { insertRma, nextRmaNumber, tryCommitQuantity } from '../rma.repository.js';
import { evaluateReturnRequest } from './evaluate-return.js';
import { loadRma } from './read-rmas.js';

export async function previewReturn(platform: Platform, ctx: RequestContext, request: CreateRmaRequest) {
  assertCan(ctx.actor, 'returns.create');
  const today = platform.clock.now().toISOString().slice(0, 10);
  return (await evaluateReturnRequest(platform.db, ctx.actor, request, today)).verdict;
}

export async function createRma(platform: Platform, ctx: RequestContext, request: CreateRmaRequest): Promise<Rma> {
  assertCan(ctx.actor, 'returns.create');
  const rmaId = await runInTransaction(platform, ctx, async (tx) => {
    const { verdict, customer, orderLines, returnPolicy } = await evaluateReturnRequest(
      tx.db,
      ctx.actor,
      request,
      tx.today,
    );
    if (!verdict.isEligible || !verdict.routing) {
      throw new AppError('not_eligible', describeFailures(verdict), { extensions: { verdict } });
    }
    const byId = new Map(orderLines.map((l) => [l.id, l]));

    // Commit in a fixed order so two requests over the same lines cannot deadlock.
    const commitOrder = request.lines
      .map((line, index) => ({ line, index }))
      .sort((a, b) => a.line.orderLineId.localeCompare(b.line.orderLineId));
    for (const { line, index } of commitOrder) {
      if (!(await tryCommitQuantity(tx.db, line.orderLineId, line.quantity))) {
        throw new AppError(
          'not_eligible',
          `line ${index + 1}: another return has just taken the remaining quantity; reload the order and try again`,
          {
            errors: [{ path: `lines.${index}.quantity`, message: 'exceeds the quantity still returnable' }],
          },
        );
      }
    }

    const id = tx.ids.next('rma');
    const isAutoApproved = verdict.routing.decision === 'auto_approve';
    const status = isAutoApproved ? 'authorized' : 'pending_approval';
    assertTransition('requested', status);
    const firstLine = byId.get(request.lines[0]!.orderLineId)!;
    const rma: RmasTable = {
      id,
      rma_number: await nextRmaNumber(tx.db),
      customer_id: customer.id,
      legal_entity_id: firstLine.legal_entity_id,
      return_type: request.returnType,
      status,
      is_unauthorized: 0,
      note: request.note,
      customer_reference: request.customerReference,
      currency: verdict.currency,
      total_value_minor: verdict.totalValueMinor,
      requested_by: ctx.actor.name,
      requested_by_id: ctx.actor.id,
      authorized_at: isAutoApproved ? tx.now : null,
      expires_on: isAutoApproved ? addDays(tx.today, returnPolicy.document.authorizationValidDays) : null,
      decided_by: isAutoApproved ? 'policy' : null,
      decided_at: isAutoApproved ? tx.now : null,
      decision_comment: null,
      return_policy_version: verdict.returnPolicyVersion,
      approval_rules_version: verdict.routing.approvalRulesVersion,
      routing_reasons: JSON.stringify(verdict.routing.reasons),
      verdict: JSON.stringify(verdict),
      receiving_site_id: null,
      version: 1,
      created_at: tx.now,
      updated_at: tx.now,
    };
    const lines: RmaLinesTable[] = request.lines.map((line, index) => {
      const ol = byId.get(line.orderLineId)!;
      const lineVerdict = verdict.lines[index]!;
      return {
        id: tx.ids.next('rml'),
        rma_id: id,
        line_number: index + 1,
        order_id: ol.order_id,
        order_line_id: ol.id,
        product_id: ol.product_id,
        quantity: line.quantity,
        reason_code: line.reasonCode,
        claimed_condition: line.claimedCondition,
        note: line.note,
        serials: JSON.stringify(line.serials),
        lots: JSON.stringify(line.lots),
        unit_price_minor: Number(ol.unit_price_minor),
        tax_minor: lineVerdict.valueMinor - line.quantity * Number(ol.unit_price_minor),
        value_minor: lineVerdict.valueMinor,
        status,
      };
    });
    await insertRma(tx.db, rma, lines);
    const serialRows = request.lines.flatMap((line) =>
      line.serials.map((serial) => ({ rma_id: id, order_line_id: line.orderLineId, serial, is_active: 1 })),
    );
    if (serialRows.length > 0) {
      await tx.db
        .insertInto('rma_serials')
        .values(serialRows)
        .execute()
        .catch((e: unknown) => {
          if (isUniqueViolation(e))
            throw new AppError('not_eligible', 'a serial number on this request has just been put on another return');
          throw e;
        });
    }

    tx.audit({
      entityType: 'rma',
      entityId: id,
      action: 'rma.requested',
      after: {
        rmaNumber: rma.rma_number,
        customerId: customer.id,
        returnType: rma.return_type,
        totalValueMinor: rma.total_value_minor,
        currency: rma.currency,
        lines: lines.map((l) => ({ orderLineId: l.order_line_id, quantity: l.quantity, reasonCode: l.reason_code })),
      },
    });
    tx.audit({
      entityType: 'rma',
      entityId: id,
      action: isAutoApproved ? 'rma.authorized' : 'rma.routed_for_approval',
      before: { status: 'requested' },
      after: {
        status,
        reasons: verdict.routing.reasons,
        returnPolicyVersion: rma.return_policy_version,
        approvalRulesVersion: rma.approval_rules_version,
        expiresOn: rma.expires_on,
      },
    });
    tx.emit({
      type: 'rma.requested',
      aggregateType: 'rma',
      aggregateId: id,
      payload: { rmaId: id, rmaNumber: rma.rma_number, customerId: customer.id },
    });
    tx.emit({
      type: isAutoApproved ? 'rma.authorized' : 'rma.approval_requested',
      aggregateType: 'rma',
      aggregateId: id,
      payload: { rmaId: id, rmaNumber: rma.rma_number, status },
    });
    return id;
  });
  return loadRma(platform.db, rmaId);
}

function describeFailures(verdict: {
  customerChecks: Array<{ passed: boolean; message: string }>;
  lines: Array<{ lineIndex: number; checks: Array<{ passed: boolean; message: string }> }>;
}): string {
  const failures = [
    ...verdict.customerChecks.filter((c) => !c.passed).map((c) => c.message),
    ...verdict.lines.flatMap((l) =>
      l.checks.filter((c) => !c.passed).map((c) => `line ${l.lineIndex + 1}: ${c.message}`),
    ),
  ];
  return failures.length > 0 ? failures.join(' ') : 'the return is not eligible';
}
