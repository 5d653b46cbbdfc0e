import type { ReactNode } from 'react';
import { humanize } from './labels.js';

export type BadgeTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger' | 'muted';

export function Badge({ tone = 'neutral', children }: { tone?: BadgeTone; children: ReactNode }) {
  return <span className={`badge badge--${tone}`}>{children}</span>;
}

const STATUS_TONES: Record<string, BadgeTone> = {
  requested: 'info',
  pending_approval: 'warning',
  authorized: 'success',
  rejected: 'danger',
  cancelled: 'muted',
  expired: 'muted',
  closed: 'neutral',
};

const PROGRESS_TONES: Record<string, BadgeTone> = {
  awaiting_approval: 'warning',
  awaiting_shipment: 'neutral',
  in_transit: 'info',
  partially_received: 'info',
  awaiting_inspection: 'info',
  awaiting_disposition: 'info',
  dispositioned: 'info',
  complete: 'success',
  rejected: 'danger',
  cancelled: 'muted',
  expired: 'muted',
  closed: 'neutral',
};

export function StatusBadge({ status }: { status: string }) {
  return <Badge tone={STATUS_TONES[status] ?? 'neutral'}>{humanize(status)}</Badge>;
}

/** Where the goods stand, derived from the stages' facts; the label carries the exact numbers. */
export function ProgressBadge({ progress }: { progress: { stage: string; label: string } }) {
  return <Badge tone={PROGRESS_TONES[progress.stage] ?? 'neutral'}>{progress.label}</Badge>;
}
