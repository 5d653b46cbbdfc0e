// The X12 codes of a 180 that Boomerang reads or writes, with their standard meanings, so a refusal
// or a log can say "KA (keep with an allowance)" instead of a bare code.

/** RDR01, Returns Disposition Code. */
export const RETURN_DISPOSITIONS: Readonly<Record<string, string>> = {
  CR: 'consumer return to vendor',
  DI: 'dispose',
  KA: 'keep with an allowance',
  KR: 'keep and repair',
  MW: 'manufacturer warranty service',
  PA: 'partially authorized',
  RA: 'return with authorization number',
  RD: 'request denied',
  RF: 'return for factory repair',
  RN: 'return without authorization number',
  RP: 'return authorization pending',
  RT: 'ship to third party',
  SC: 'ship to third party for charitable contribution',
  SD: 'ship to third party for disposal',
};

/** RDR02, Return Request Reason Code (the ones seen in practice). */
export const RETURN_REQUEST_REASONS: Readonly<Record<string, string>> = {
  BC: 'beyond code date',
  CO: 'customer ordering error',
  DA: 'damaged product',
  DI: 'discontinued product',
  DM: 'defective merchandise (store inspection)',
  DP: 'defective packaging',
  DR: 'defective merchandise (returned by consumer)',
  DT: 'damaged in transit',
  EI: 'excess inventory',
  EO: 'end of season',
  NA: 'not as expected',
  PE: 'price error',
  PR: 'product recall',
  RE: 'recall',
  SR: 'stock reduction agreement',
  WG: 'wrong goods or not ordered',
};

/** RDR03, Return Response Reason Code: why we refuse (or what we need). */
export const RESPONSE_REASONS = {
  /** A limit of the return policy: window or warranty over. */
  timeLimit: 'RT',
  noRecordOfSale: 'NR',
  quantityDifference: 'QD',
  unidentifiableItem: 'UI',
  moreInformation: 'MI',
  outOfSeasonOrDiscontinued: 'OS',
} as const;
export type ResponseReason = (typeof RESPONSE_REASONS)[keyof typeof RESPONSE_REASONS];

/** Our eligibility check → the RDR03 that tells a partner's system the same thing. */
export function responseReasonOfCheck(checkCode: string): ResponseReason {
  switch (checkCode) {
    case 'return_window':
    case 'warranty_window':
      return RESPONSE_REASONS.timeLimit;
    case 'order_line_found':
    case 'order_line_not_found':
      return RESPONSE_REASONS.noRecordOfSale;
    case 'quantity_returnable':
      return RESPONSE_REASONS.quantityDifference;
    case 'product_found':
      return RESPONSE_REASONS.unidentifiableItem;
    case 'product_returnable':
      return RESPONSE_REASONS.outOfSeasonOrDiscontinued;
    default:
      return RESPONSE_REASONS.moreInformation;
  }
}

/** "KA (keep with an allowance)", or the bare code when we do not know it. */
export function describeCode(code: string, table: Readonly<Record<string, string>>): string {
  const meaning = table[code];
  return meaning ? `${code} (${meaning})` : code;
}
