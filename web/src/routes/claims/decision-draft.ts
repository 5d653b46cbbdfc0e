// The supplier's answer to a claim as a form holds it, checked before it is sent: the same rules
// the server applies (recovery/domain/claim-decision.ts), in words beside the fields.
import type { DecideClaimBody, SupplierClaimView } from '../../api/supplier-claims.js';
import { majorTextToMinor, minorToMajorText } from '../../ui/money.js';
import { money } from './claim-labels.js';

export type Decision = 'accept' | 'partially_accept' | 'reject';

export interface DecisionDraft {
  decision: Decision | '';
  note: string;
  /** Per line id, what the supplier accepts (a decimal as typed); only a partial acceptance uses them. */
  amounts: Record<string, string>;
}

export interface DecisionErrors {
  decision?: string;
  note?: string;
  /** Per line id. */
  lines?: Record<string, string>;
  form?: string;
}

type ClaimForDecision = Pick<SupplierClaimView, 'currency' | 'claimedMinor' | 'lines'>;

/** Nothing chosen yet; every line's amount starts at what was claimed. */
export function emptyDecisionDraft(claim: ClaimForDecision): DecisionDraft {
  return {
    decision: '',
    note: '',
    amounts: Object.fromEntries(
      claim.lines.map((line) => [line.id, minorToMajorText(line.claimedMinor, claim.currency)]),
    ),
  };
}

export function validateDecision(draft: DecisionDraft, claim: ClaimForDecision): DecisionErrors {
  if (draft.decision === '') return { decision: 'Choose the supplier’s answer.' };
  if (draft.decision === 'accept') return {};
  const errors: DecisionErrors = {};
  if (draft.note.trim() === '')
    errors.note =
      draft.decision === 'reject' ? 'Say why the claim is rejected.' : 'Say why only part of the claim is accepted.';
  if (draft.decision === 'reject') return errors;
  const lines: Record<string, string> = {};
  let accepted = 0;
  for (const line of claim.lines) {
    const amount = majorTextToMinor(draft.amounts[line.id] ?? '', claim.currency);
    if (amount === null) lines[line.id] = 'Enter an amount such as 12.50.';
    else if (amount > line.claimedMinor)
      lines[line.id] = `At most the ${money(line.claimedMinor, claim.currency)} claimed.`;
    else accepted += amount;
  }
  if (Object.keys(lines).length > 0) return { ...errors, lines };
  if (accepted === claim.claimedMinor)
    return { ...errors, form: 'These amounts accept the whole claim: accept it in full instead.' };
  if (accepted === 0) return { ...errors, form: 'These amounts accept nothing: reject the claim instead.' };
  return errors;
}

/** What the partial acceptance adds up to; null while an amount is not a valid one. */
export function acceptedTotal(draft: DecisionDraft, claim: ClaimForDecision): number | null {
  let total = 0;
  for (const line of claim.lines) {
    const amount = majorTextToMinor(draft.amounts[line.id] ?? '', claim.currency);
    if (amount === null) return null;
    total += amount;
  }
  return total;
}

/** The body to send; a partial acceptance names every line's amount. */
export function buildDecisionBody(draft: DecisionDraft, claim: ClaimForDecision): DecideClaimBody | null {
  if (draft.decision === '') return null;
  const note = draft.note.trim();
  if (draft.decision !== 'partially_accept') return { decision: draft.decision, note, lines: [] };
  return {
    decision: draft.decision,
    note,
    lines: claim.lines.map((line) => ({
      lineId: line.id,
      acceptedMinor: majorTextToMinor(draft.amounts[line.id] ?? '', claim.currency) ?? 0,
    })),
  };
}

/**
 * The server's refusal beside the fields: `note`, and `lines.<i>.acceptedMinor` for the i-th line
 * sent (every line, in the claim's order); anything else above the buttons.
 */
export function decisionErrorsFromProblem(
  problemErrors: readonly { path: string; message: string }[],
  detail: string,
  claim: ClaimForDecision,
): DecisionErrors {
  const errors: DecisionErrors = {};
  const lines: Record<string, string> = {};
  let isUnplaced = problemErrors.length === 0;
  for (const error of problemErrors) {
    const message = error.message.charAt(0).toUpperCase() + error.message.slice(1);
    const lineIndex = /^lines\.(\d+)\.acceptedMinor$/.exec(error.path)?.[1];
    const line = lineIndex === undefined ? undefined : claim.lines[Number(lineIndex)];
    if (error.path === 'note') errors.note = message;
    else if (line) lines[line.id] = message;
    else isUnplaced = true;
  }
  if (Object.keys(lines).length > 0) errors.lines = lines;
  if (isUnplaced) errors.form = detail.charAt(0).toUpperCase() + detail.slice(1);
  return errors;
}
