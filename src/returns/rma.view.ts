// Turns stored rows and derived progress into the API's view of a return.
import type { Rma, RmaSummary, RoutingInstruction, ShipTo, Verdict } from '../contracts/returns.js';
import type { RmaLinesTable, RmasTable } from './returns.tables.js';
import { listAllowedTransitions } from './domain/rma-state-machine.js';
import { movesAllowedBy, type Progress } from './domain/return-progress.js';

export type RmaRow = RmasTable & { customer_name: string; customer_account: string };
export type RmaLineRow = RmaLinesTable & { sku: string; product_name: string; order_number: string | null };

export function toRmaSummary(row: RmaRow & { line_count?: number | string | null }, progress: Progress): RmaSummary {
  return {
    id: row.id,
    rmaNumber: row.rma_number,
    customerId: row.customer_id,
    customerName: row.customer_name,
    customerAccount: row.customer_account,
    legalEntityId: row.legal_entity_id,
    returnType: row.return_type,
    status: row.status,
    progress,
    isUnauthorized: row.is_unauthorized === 1,
    channel: row.channel,
    note: row.note,
    customerReference: row.customer_reference,
    currency: row.currency,
    totalValueMinor: Number(row.total_value_minor),
    requestedBy: row.requested_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    authorizedAt: row.authorized_at,
    expiresOn: row.expires_on,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
    decisionComment: row.decision_comment,
    returnPolicyVersion: row.return_policy_version,
    approvalRulesVersion: row.approval_rules_version,
    routingReasons: JSON.parse(row.routing_reasons) as string[],
    version: row.version,
    lineCount: Number(row.line_count ?? 0),
  };
}

export function toRma(
  row: RmaRow,
  lines: RmaLineRow[],
  progress: { progress: Progress; lines: Progress[] },
  destination: { shipTo: ShipTo | null; routingInstruction: RoutingInstruction | null },
): Rma {
  const { lineCount: _lineCount, ...summary } = toRmaSummary(row, progress.progress);
  return {
    ...summary,
    verdict: row.verdict ? (JSON.parse(row.verdict) as Verdict) : null,
    // What a person may do next: the state machine's moves, less those the goods have ruled out.
    allowedTransitions: movesAllowedBy(listAllowedTransitions(row.status), progress.progress.units),
    shipTo: destination.shipTo,
    routingInstruction: destination.routingInstruction,
    lines: lines.map((l, index) => ({
      id: l.id,
      lineNumber: l.line_number,
      orderId: l.order_id,
      orderNumber: l.order_number,
      orderLineId: l.order_line_id,
      productId: l.product_id,
      sku: l.sku,
      productName: l.product_name,
      quantity: l.quantity,
      reasonCode: l.reason_code,
      claimedCondition: l.claimed_condition,
      note: l.note,
      serials: JSON.parse(l.serials) as string[],
      lots: JSON.parse(l.lots) as string[],
      unitPriceMinor: Number(l.unit_price_minor),
      taxMinor: Number(l.tax_minor),
      valueMinor: Number(l.value_minor),
      progress: progress.lines[index]!,
    })),
  };
}
