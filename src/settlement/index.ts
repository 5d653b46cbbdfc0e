// Settlement's door: credit memo steps for workflows, its use cases and routes.
export {
  addToDraftCreditMemo,
  approveCreditMemo,
  applyCreditMemo,
  linkIssueEntry,
  recordCreditMemoIssued,
  recordCreditMemoVoid,
  type DraftCreditInput,
} from './credit-memos.js';
export type { SettlementTables } from './settlement.tables.js';
export { findCreditedInspections, findSettledUnits, getCreditMemo, listCreditMemos } from './credit-memo.queries.js';
export { registerSettlementRoutes } from './settlement.routes.js';
