// The parts a message is made of, so each language writes only words and one renderer makes both
// the plain-text and the HTML body (escaped) from them.
import type {
  CreditIssuedFacts,
  GoodsReceivedFacts,
  ReturnAuthorizedFacts,
  ReturnRejectedFacts,
  SlaDigestFacts,
} from './message-drafts.js';

export type Block =
  | { kind: 'text'; text: string }
  /** Set apart, to be copied onto a parcel or read closely (an address, a reason). */
  | { kind: 'quote'; lines: string[] }
  | { kind: 'link'; label: string; url: string }
  | { kind: 'list'; items: string[] };

export interface Composed {
  subject: string;
  greeting: string;
  blocks: Block[];
}

/** One language's words for every template: a missing one does not compile. */
export interface LocaleCopy {
  return_authorized(facts: ReturnAuthorizedFacts): Composed;
  goods_received(facts: GoodsReceivedFacts): Composed;
  credit_issued(facts: CreditIssuedFacts): Composed;
  return_rejected(facts: ReturnRejectedFacts): Composed;
  inspection_sla_digest(facts: SlaDigestFacts): Composed;
  signOff: string;
  /** The footer of optional messages. */
  unsubscribe: { text: string; label: string };
}

export const text = (value: string): Block => ({ kind: 'text', text: value });
