export { recordReceipt, type ReceiptInput } from './record-receipt.js';
export { findReceivedUnits } from './receipt.queries.js';
export type * from './receiving.tables.js';
