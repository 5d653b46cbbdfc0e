export { recordReceipt, type ReceiptInput } from './record-receipt.js';
export {
  findReceivedSerials,
  findReceivedUnits,
  findReceiptExpiry,
  findReceiptLinesOfReturn,
} from './receipt.queries.js';
export { parseScan, type ScanResult, type ScannedElement } from './domain/gs1/parse-scan.js';
export {
  recordUnidentifiedArrival,
  takeArrivalToIdentify,
  markArrivalIdentified,
  type ArrivalToIdentify,
} from './unidentified-arrivals.js';
export { listUnidentifiedArrivals, getUnidentifiedArrival } from './unidentified-arrival.queries.js';
export { registerReceivingRoutes } from './receiving.routes.js';
export { matchReceipt, type ReceiptException } from './domain/match-receipt.js';
export { resolveCountedItems } from './counted-goods.js';
export {
  recordReceiptExceptions,
  takeOpenException,
  markExceptionResolved,
  listReceiptExceptions,
  getReceiptException,
  type RmaNumbersOf,
} from './receipt-exceptions.js';
export type * from './receiving.tables.js';
export { findReceivingCustody } from './custody.js';
export { findReceivingTrace } from './receipt-trace.js';
export * from './kpi-records.js';
