// The words of return authorization. Kept apart so configuration and returns can share them.
export const RETURN_TYPES = ['standard', 'serialized', 'regulated', 'warranty', 'stock_rotation', 'recall'] as const;
export type ReturnType = (typeof RETURN_TYPES)[number];

export const CLAIMED_CONDITIONS = [
  'unopened',
  'opened_unused',
  'used',
  'damaged_in_transit',
  'defective',
  'missing_parts',
] as const;
export type ClaimedCondition = (typeof CLAIMED_CONDITIONS)[number];

export const RMA_STATUSES = [
  'requested',
  'pending_approval',
  'authorized',
  'rejected',
  'cancelled',
  'expired',
  'receiving',
  'inspecting',
  'dispositioned',
  'settled',
  'closed',
] as const;
export type RmaStatus = (typeof RMA_STATUSES)[number];
