// The supplier's answer to a claim, checked: what it accepts per line never exceeds what was
// claimed, a partial acceptance really is partial, and a refusal or a cut says why. Pure.
import type { ClaimStatus, DecideClaimInput } from '../../contracts/recovery.js';

export interface ClaimLineToDecide {
  id: string;
  claimedMinor: number;
}

export type DecisionOutcome =
  | { ok: true; status: ClaimStatus; acceptedMinor: number; acceptedByLine: Map<string, number> }
  | { ok: false; message: string; errors: { path: string; message: string }[] };

const refuse = (message: string, path: string, detail: string): DecisionOutcome => ({
  ok: false,
  message,
  errors: [{ path, message: detail }],
});

export function decideClaim(lines: readonly ClaimLineToDecide[], input: DecideClaimInput): DecisionOutcome {
  const acceptedByLine = new Map(lines.map((line) => [line.id, line.claimedMinor]));
  const claimed = lines.reduce((sum, line) => sum + line.claimedMinor, 0);
  if (input.decision === 'accept') {
    if (input.lines.length > 0)
      return refuse('an acceptance in full names no line amounts', 'lines', 'leave empty, or partially accept');
    return { ok: true, status: 'accepted', acceptedMinor: claimed, acceptedByLine };
  }
  if (input.note.trim() === '')
    return refuse(
      `say why the claim is ${input.decision === 'reject' ? 'rejected' : 'only partly accepted'}`,
      'note',
      'a reason is required',
    );
  if (input.decision === 'reject') {
    if (input.lines.length > 0) return refuse('a rejection names no line amounts', 'lines', 'leave empty');
    for (const id of acceptedByLine.keys()) acceptedByLine.set(id, 0);
    return { ok: true, status: 'rejected', acceptedMinor: 0, acceptedByLine };
  }
  const seen = new Set<string>();
  for (const [index, answer] of input.lines.entries()) {
    const path = `lines.${index}`;
    if (!acceptedByLine.has(answer.lineId))
      return refuse(`line ${answer.lineId} is not on this claim`, `${path}.lineId`, 'unknown line');
    if (seen.has(answer.lineId))
      return refuse(`line ${answer.lineId} is named twice`, `${path}.lineId`, 'name each line once');
    seen.add(answer.lineId);
    const line = lines.find((l) => l.id === answer.lineId)!;
    if (answer.acceptedMinor > line.claimedMinor)
      return refuse(
        `line ${answer.lineId}: ${answer.acceptedMinor} is more than the ${line.claimedMinor} claimed`,
        `${path}.acceptedMinor`,
        `at most ${line.claimedMinor}`,
      );
    acceptedByLine.set(answer.lineId, answer.acceptedMinor);
  }
  const accepted = [...acceptedByLine.values()].reduce((sum, amount) => sum + amount, 0);
  if (accepted === claimed)
    return refuse('the amounts accept the whole claim: accept it instead', 'lines', 'nothing was cut');
  if (accepted === 0)
    return refuse('the amounts accept nothing: reject the claim instead', 'lines', 'nothing accepted');
  return { ok: true, status: 'partially_accepted', acceptedMinor: accepted, acceptedByLine };
}
