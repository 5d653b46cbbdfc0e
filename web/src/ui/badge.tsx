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
  receiving: 'info',
  inspecting: 'info',
  dispositioned: 'info',
  settled: 'success',
  closed: 'neutral',
};

export function StatusBadge({ status }: { status: string }) {
  return <Badge tone={STATUS_TONES[status] ?? 'neutral'}>{humanize(status)}</Badge>;
}
