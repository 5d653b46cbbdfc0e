// Settlement's door: credit memo steps for workflows, its use cases and routes.
export {
  addToDraftCreditMemo,
  approveCreditMemo,
  recordCreditMemoApplied,
  linkApplyEntry,
  linkIssueEntry,
  recordCreditMemoIssued,
  recordCreditMemoVoid,
  recordUnreceivedCreditVoid,
  type DraftCreditInput,
  type CreditedUnits,
} from './credit-memos.js';
export type { SettlementTables } from './settlement.tables.js';
export {
  chargedBackOfMemo,
  findCreditedInspections,
  findSettledUnits,
  getCreditMemo,
  listCreditMemos,
  openCustomerCredits,
} from './credit-memo.queries.js';
export { registerSettlementRoutes } from './settlement.routes.js';
export {
  findReturnLineCredits,
  recordEarlyCreditProof,
  recordCreditReserves,
  linkReleaseEntry,
  recordReserveVoid,
  openReserveByEntity,
  type ReleaseToPost,
} from './credit-reserve.js';
export { creditTimingOf, earlyCreditsOf, type EarlyCredit } from './domain/credit-timing.js';
export {
  findCreditOfReturn,
  findPendingWithdrawals,
  linkWithdrawalEntry,
  recordEarlyCreditWithdrawal,
  type ReturnEndCause,
  type WithdrawalToPost,
} from './early-credit-withdrawal.js';
export { takeBacksOf, unreceivedUnitsOf } from './domain/unreceived-credit.js';
export {
  recordReplacementRequested,
  takeReplacementToAllocate,
  recordReplacementAllocated,
  recordReplacementBackordered,
  recordReplacementShipped,
  recordReplacementCancelled,
  recordDepositCharged,
  releaseHeldDeposits,
  findOverdueDeposits,
  recordDepositInvoiced,
  linkInvoiceEntry,
  type AllocationToRecord,
  type DepositCharge,
  type ReplacementLineRequest,
} from './replacement-orders.js';
export {
  listReplacementOrders,
  getReplacementOrder,
  customerReplacementView,
  findReplacedUnits,
  findCreditedUnitsOfLines,
  findHeldDepositUnits,
} from './replacement-order.queries.js';
export { recordDifferenceSettled, type SettledDifference } from './replacement-price-difference.js';
export type { ReplacementAllocationsTable, ReplacementOrdersTable } from './settlement.tables.js';
export { depositFor, depositDueOn, depositStillAwaited } from './domain/replacement-deposit.js';
export { taxOnDifference } from './domain/replacement-price-difference.js';
export * from './kpi-records.js';
