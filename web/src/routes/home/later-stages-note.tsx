import type { Role } from '../../../../src/contracts/common.js';
import { Alert } from '../../ui/alert.js';

// Honest about what this release does: the screens for later lifecycle stages are not built yet.
const NOTES: Partial<Record<Role, string>> = {
  warehouse:
    'Put-away and moving stock between locations on screen arrive with the inspection stage (the stock API already moves it). Receiving by scan, the dock schedule and the stock lookup are here now.',
  quality:
    'The inspection queue, grading, defect codes and disposition arrive with the inspection stage. For now, the returns list shows what is coming.',
  finance:
    'Credit memos, supplier claims and the ledger arrive with the financial-settlement stage. For now, the returns list shows the value of authorized returns.',
  ops_manager:
    'KPI dashboards (cycle time, recovery rate, exception backlog) arrive in a later stage. For now, the counts below and the returns list give the overview.',
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
