// What each message says, as facts: the templates turn one of these into words in a language.
import type { NotificationTemplate } from '../../contracts/notifications.js';

export interface Address {
  siteName: string;
  addressLines: string[];
  city: string;
  region: string;
  postalCode: string;
  country: string;
}

export interface ReturnAuthorizedFacts {
  customerName: string;
  rmaNumber: string;
  returnUrl: string;
  /** Where to send the goods; null when they are already here or no site is routed yet. */
  shipTo: Address | null;
  /** The goods arrived before the return was authorized: nothing to send. */
  isAlreadyReceived: boolean;
  /** The last day to ship (ISO date), if the authorization lapses. */
  shipBy: string | null;
}

export interface GoodsReceivedFacts {
  customerName: string;
  rmaNumber: string;
  returnUrl: string;
  units: number;
  siteName: string;
}

export interface CreditIssuedFacts {
  customerName: string;
  rmaNumber: string;
  returnUrl: string;
  creditMemoNumber: string;
  amountMinor: number;
  currency: string;
}

export interface ReturnRejectedFacts {
  customerName: string;
  rmaNumber: string;
  returnUrl: string;
  reason: string;
}

export interface SlaDigestFacts {
  recipientName: string;
  siteName: string;
  breached: number;
  /** The longest overdue first; the digest lists a few and links to the rest. */
  overdue: Array<{ rmaNumber: string; productSku: string; quantity: number; dueAt: string }>;
  queueUrl: string;
}

export type MessageDraft =
  | { template: 'return_authorized'; facts: ReturnAuthorizedFacts }
  | { template: 'goods_received'; facts: GoodsReceivedFacts }
  | { template: 'credit_issued'; facts: CreditIssuedFacts }
  | { template: 'return_rejected'; facts: ReturnRejectedFacts }
  | { template: 'inspection_sla_digest'; facts: SlaDigestFacts };

// Compile-time check that every template has a draft shape.
export type DraftOf<T extends NotificationTemplate> = Extract<MessageDraft, { template: T }>;
