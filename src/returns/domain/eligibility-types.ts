// What eligibility needs to know, already looked up by the caller (no I/O in the domain),
// and the verdict it gives back: the same shape as VerdictSchema minus routing and versions.
import type { Check } from '../../contracts/returns.js';
import type { ReturnType } from '../../contracts/returns-vocabulary.js';
import type { ReturnPolicy } from '../../contracts/configuration.js';

export interface OrderLineFacts {
  orderId: string;
  customerId: string;
  quantityShipped: number;
  /** Quantity already on returns that hold quantity (see holdsQuantity), excluding this request. */
  quantityCommitted: number;
  unitPriceMinor: number;
  /** Tax charged on the whole order line. */
  taxMinor: number;
  deliveryDate: string | null;
  shipDate: string | null;
  serialsShipped: string[];
  lotsShipped: string[];
}

export interface ProductFacts {
  category: string;
  isReturnable: boolean;
  isSerialized: boolean;
  isLotControlled: boolean;
  regulatedClass: string | null;
  warrantyMonths: number;
}

export interface EligibilityLineInput {
  orderLineId: string;
  quantity: number;
  serials: string[];
  lots: string[];
  reasonCode: string;
  /** null when no such order line exists. */
  orderLine: OrderLineFacts | null;
  product: ProductFacts | null;
  /** Serials of this line's order line already on another return that holds quantity. */
  serialsOnOtherOpenReturns: string[];
}

export interface EligibilityCustomer {
  id: string;
  tier: string;
  isOnCreditHold: boolean;
  /** Contracted return window; null to use the policy. */
  returnWindowDays: number | null;
}

export interface EligibilityInput {
  /** Today's date, YYYY-MM-DD, supplied by the caller's clock. */
  today: string;
  returnType: ReturnType;
  policy: ReturnPolicy;
  customer: EligibilityCustomer;
  /** Codes currently active in the reason-code catalogue. */
  activeReasonCodes: string[];
  lines: EligibilityLineInput[];
}

export interface LineEligibility {
  lineIndex: number;
  orderLineId: string;
  isEligible: boolean;
  checks: Check[];
  returnableQuantity: number;
  returnWindowEndsOn: string | null;
  warrantyEndsOn: string | null;
  valueMinor: number;
}

export interface EligibilityResult {
  isEligible: boolean;
  customerChecks: Check[];
  lines: LineEligibility[];
}
