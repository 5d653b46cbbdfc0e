import type { Role } from '../../../../src/contracts/common.js';
import { Alert } from '../../ui/alert.js';

// Honest about what this release does: the screens for later lifecycle stages are not built yet.
const NOTES: Partial<Record<Role, string>> = {
  finance:
    'Credit memos, supplier claims and the ledger arrive with the financial-settlement stage. For now, the returns list shows the value of authorized returns.',
  ops_manager:
    'KPI dashboards (cycle time, recovery rate, exception backlog) arrive in a later stage. For now, the counts below, the returns list and Operations give the overview.',
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
