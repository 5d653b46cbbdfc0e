// EDI's door: the X12 layer, the 180/812/997 mappings, trading partners and the document log.
export * from './x12/index.js';
export { readReturnRequest180, type ReturnRequest180, type ReturnRequestLine } from './domain/inbound-180.js';
export {
  mapReturnRequestLines,
  itemReferenceOf,
  DEFAULT_PARTNER_MAPPINGS,
  type LineRefusal,
  type MappedLine,
} from './domain/map-return-request.js';
export { chooseOrderLine } from './domain/choose-order-line.js';
export { responseReasonOfCheck, RESPONSE_REASONS } from './domain/x12-codes.js';
export {
  returnAuthorization180,
  type AnsweredLine,
  type ReturnAuthorization,
} from './domain/return-authorization-180.js';
export { acknowledgment997, type SetAcknowledgment } from './domain/acknowledgment-997.js';
export { adjustment812, ADJUSTMENT_REASONS, type Adjustment, type AdjustmentLine } from './domain/adjustment-812.js';
export { x12DateTime, type OutboundSet } from './domain/outbound-envelope.js';
export type { InboundSetOutcome, EdiTables } from './edi.tables.js';
export { exchanges, findTradingPartner, toTradingPartner } from './partner-rows.js';
export {
  createTradingPartner,
  getTradingPartner,
  listTradingPartners,
  updateTradingPartner,
} from './trading-partners.service.js';
export {
  recordInboundDocument,
  finishInboundDocument,
  findInboundDocumentByContent,
  claimInboundDocument,
  findStalledInboundDocuments,
  queueOutboundDocument,
} from './edi-documents.js';
export {
  listEdiDocuments,
  getEdiDocument,
  getEdiDocumentRow,
  findPartnerForInterchange,
} from './edi-documents.queries.js';
export {
  recordInboundSet,
  findInboundSets,
  answerOfSet,
  findSetsAwaitingDecision,
  markFinalAnswerSent,
  type RecordedAnswer,
} from './inbound-sets.js';
export { registerEdiRoutes } from './edi.routes.js';
export { deliverQueuedDocuments, listInboundFiles, setAsideInboundFile } from './folder-transport.js';
