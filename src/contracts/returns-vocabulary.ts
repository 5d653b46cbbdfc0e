// The words of return authorization. Kept apart so configuration and returns can share them.
export const RETURN_TYPES = ['standard', 'serialized', 'regulated', 'warranty', 'stock_rotation', 'recall'] as const;
export type ReturnType = (typeof RETURN_TYPES)[number];

/**
 * How a return came to us: a staff user, a customer-portal user, an API key, an EDI 180, goods that
 * arrived without an authorization, a recall we raised, or an import of history (UCI cancellations).
 */
export const RETURN_CHANNELS = ['staff', 'portal', 'api', 'edi', 'arrival', 'recall', 'import'] as const;
export type ReturnChannel = (typeof RETURN_CHANNELS)[number];

export const CLAIMED_CONDITIONS = [
  'unopened',
  'opened_unused',
  'used',
  'damaged_in_transit',
  'defective',
  'missing_parts',
] as const;
export type ClaimedCondition = (typeof CLAIMED_CONDITIONS)[number];

/** The life of the authorization itself. What happened to the goods is progress, derived from facts. */
export const RMA_STATUSES = [
  'requested',
  'pending_approval',
  'authorized',
  'rejected',
  'cancelled',
  'expired',
  'closed',
] as const;
export type RmaStatus = (typeof RMA_STATUSES)[number];

/**
 * Where a return (or one of its lines) stands, derived from the authorization and the later
 * stages' facts. In lifecycle order; a stage never moves backwards as facts accumulate.
 */
export const PROGRESS_STAGES = [
  'awaiting_approval',
  'awaiting_shipment',
  'in_transit',
  'partially_received',
  'awaiting_inspection',
  'awaiting_disposition',
  'dispositioned',
  'complete',
  'rejected',
  'cancelled',
  'expired',
  'closed',
] as const;
export type ProgressStage = (typeof PROGRESS_STAGES)[number];
