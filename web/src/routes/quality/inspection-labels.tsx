// Words and badges for inspections, shared by the queue, the inspection page and the return's panel.
import type { ClaimVerdict, InspectionStatus } from '../../../../src/contracts/inspection-vocabulary.js';
import type { InspectionQueueItem } from '../../api/inspections.js';
import { Badge, type BadgeTone } from '../../ui/badge.js';

type SlaState = InspectionQueueItem['slaState'];

const SLA: Record<SlaState, { label: string; tone: BadgeTone }> = {
  breached: { label: 'SLA breached', tone: 'danger' },
  due_soon: { label: 'Due soon', tone: 'warning' },
  on_time: { label: 'On time', tone: 'success' },
};

export function SlaBadge({ state }: { state: SlaState }) {
  return <Badge tone={SLA[state].tone}>{SLA[state].label}</Badge>;
}

export const INSPECTION_STATUS_LABELS: Record<InspectionStatus, string> = {
  pending: 'Waiting',
  in_progress: 'In progress',
  awaiting_sign_off: 'Awaiting sign-off',
  completed: 'Completed',
};

const STATUS_TONES: Record<InspectionStatus, BadgeTone> = {
  pending: 'neutral',
  in_progress: 'info',
  awaiting_sign_off: 'warning',
  completed: 'success',
};

export function InspectionStatusBadge({ status }: { status: InspectionStatus }) {
  return <Badge tone={STATUS_TONES[status]}>{INSPECTION_STATUS_LABELS[status]}</Badge>;
}

export const VERDICT_LABELS: Record<ClaimVerdict, string> = {
  confirmed: 'Claim confirmed',
  contradicted: 'Claim contradicted',
  not_assessed: 'Claim not assessed',
};

const VERDICT_TONES: Record<ClaimVerdict, BadgeTone> = {
  confirmed: 'success',
  contradicted: 'warning',
  not_assessed: 'muted',
};

export function VerdictBadge({ verdict }: { verdict: ClaimVerdict }) {
  return <Badge tone={VERDICT_TONES[verdict]}>{VERDICT_LABELS[verdict]}</Badge>;
}

/** "RMA-0000123 · line 2", naming the unit the way the floor does. */
export function unitName(item: Pick<InspectionQueueItem, 'rmaNumber' | 'lineNumber' | 'rmaId'>): string {
  const rma = item.rmaNumber ?? item.rmaId;
  return item.lineNumber === null ? rma : `${rma} · line ${item.lineNumber}`;
}

/** "Serial SN-1", "Lot L-7", or nothing. */
export function serialOrLot(item: Pick<InspectionQueueItem, 'serial' | 'lot'>): string | null {
  if (item.serial) return `Serial ${item.serial}`;
  if (item.lot) return `Lot ${item.lot}`;
  return null;
}
