// How the admin screens speak of each partner role's organisation: what to choose, and what its
// logins see. Shared by the partner field, the dialogs and the drafts' checks.
import type { PartnerRole } from '../../../../src/contracts/common.js';

/** How the admin screens speak of each partner role's organisation: what to choose, and what its logins see. */
export const PARTNER_WORDS: Record<PartnerRole, { noun: string; label: string; userHint: string; keyHint: string }> = {
  repair_partner: {
    noun: 'repair partner',
    label: 'Repair partner',
    userHint: 'A repair partner’s user sees only the work orders sent to this partner.',
    keyHint: 'A repair partner’s key sees only the work orders sent to this partner, and may report their outcome.',
  },
  supplier: {
    noun: 'supplier',
    label: 'Supplier',
    userHint: 'A supplier’s user sees only this supplier’s claims, and acknowledges and answers them.',
    keyHint: 'A supplier’s key sees only this supplier’s claims, and may acknowledge and answer them.',
  },
  carrier: {
    noun: 'carrier',
    label: 'Carrier',
    userHint: 'A carrier’s user sees only the shipments of this carrier’s codes, and reports their scans.',
    keyHint: 'A carrier’s key sees only the shipments of this carrier’s codes, and may report their scans.',
  },
};

/** The organisation a partner role acts for, in a sentence: "Choose the carrier this key acts for." */
export const partnerNounOf = (role: PartnerRole) => PARTNER_WORDS[role].noun;
