// The rows of a newly requested return, built from the request and its verdict.
import type { CreateRmaRequest, Routing } from '../../contracts/returns.js';
import type { ReturnChannel } from '../../contracts/returns-vocabulary.js';
import type { RmaLinesTable, RmasTable } from '../returns.tables.js';
import type { Tx } from '../../platform/unit-of-work.js';
import { addDays } from '../../platform/calendar.js';
import { assertTransition } from '../domain/rma-state-machine.js';
import type { Evaluation } from './evaluate-return.js';

/** A return recorded from history: who decided it in the source system, and what it says. */
export interface HistoricalDecision {
  decidedBy: string;
  comment: string;
}

export function buildRmaRows(
  tx: Tx,
  request: CreateRmaRequest,
  { verdict, customer, orderLines, returnPolicy }: Evaluation,
  routing: Routing,
  rmaNumber: string,
  channel: ReturnChannel,
  history?: HistoricalDecision,
): { rma: RmasTable; lines: RmaLinesTable[] } {
  const id = tx.ids.next('rma');
  const isAutoApproved = routing.decision === 'auto_approve';
  // History was decided in the source system: a return our rules would send to a manager is
  // recorded as authorized by that decision, and with no end — the goods or the credit came back.
  const isAuthorized = isAutoApproved || history !== undefined;
  const status = isAuthorized ? ('authorized' as const) : ('pending_approval' as const);
  const decidedBy = isAutoApproved ? 'policy' : (history?.decidedBy ?? null);
  assertTransition('requested', status);
  const byId = new Map(orderLines.map((l) => [l.id, l]));
  const firstLine = byId.get(request.lines[0]!.orderLineId)!;
  const rma: RmasTable = {
    id,
    rma_number: rmaNumber,
    customer_id: customer.id,
    // The selling entity owns the return: its ledger took the sale, so it takes the credit.
    legal_entity_id: firstLine.legal_entity_id,
    return_type: request.returnType,
    status,
    is_unauthorized: 0,
    channel,
    note: request.note,
    customer_reference: request.customerReference,
    currency: verdict.currency,
    total_value_minor: verdict.totalValueMinor,
    requested_by: tx.ctx.actor.name,
    requested_by_id: tx.ctx.actor.personId,
    authorized_at: isAuthorized ? tx.now : null,
    expires_on: isAuthorized && !history ? addDays(tx.today, returnPolicy.document.authorizationValidDays) : null,
    decided_by: decidedBy,
    decided_at: isAuthorized ? tx.now : null,
    decision_comment: history?.comment ?? null,
    return_policy_version: verdict.returnPolicyVersion,
    approval_rules_version: routing.approvalRulesVersion,
    routing_reasons: JSON.stringify(routing.reasons),
    verdict: JSON.stringify(verdict),
    version: 1,
    created_at: tx.now,
    updated_at: tx.now,
  };
  const lines = request.lines.map((line, index): RmaLinesTable => {
    const orderLine = byId.get(line.orderLineId)!;
    const { valueMinor } = verdict.lines[index]!;
    const unitPriceMinor = Number(orderLine.unit_price_minor);
    return {
      id: tx.ids.next('rml'),
      rma_id: id,
      line_number: index + 1,
      order_id: orderLine.order_id,
      order_line_id: orderLine.id,
      product_id: orderLine.product_id,
      quantity: line.quantity,
      reason_code: line.reasonCode,
      claimed_condition: line.claimedCondition,
      note: line.note,
      serials: JSON.stringify(line.serials),
      lots: JSON.stringify(line.lots),
      unit_price_minor: unitPriceMinor,
      // The line's value is price plus its pro-rata share of the order line's tax.
      tax_minor: valueMinor - line.quantity * unitPriceMinor,
      value_minor: valueMinor,
    };
  });
  return { rma, lines };
}
