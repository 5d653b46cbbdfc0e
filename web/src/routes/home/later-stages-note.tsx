import type { Role } from '../../../../src/contracts/common.js';
import { Alert } from '../../ui/alert.js';

// Honest about what this release does: the screens for later lifecycle stages are not built yet.
const NOTES: Partial<Record<Role, string>> = {
  finance:
    'Supplier claims, replacements and earlier credit for trusted customers arrive with the rest of the settlement stage. For now: credit memos to approve and issue, the journal, trial balance, periods, the chart of accounts and exchange rates.',
};

export function LaterStagesNote({ role }: { role: Role }) {
  const note = NOTES[role];
  if (!note) return null;
  return (
    <Alert tone="info">
      <strong>Coming in later stages.</strong> {note}
    </Alert>
  );
}
