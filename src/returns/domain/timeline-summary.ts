// One readable sentence per audit event on a return's timeline.
const SENTENCES: Record<string, string> = {
  'rma.requested': 'Return requested',
  'rma.authorized': 'Return authorized',
  'rma.routed_for_approval': 'Sent for approval',
  'rma.approved': 'Approved',
  'rma.rejected': 'Rejected',
  'rma.cancelled': 'Cancelled',
  'rma.expired': 'Authorization expired: nothing was shipped in time',
  'rma.unauthorized_recorded': 'Arrived without authorization',
  'receipt.recorded': 'Goods received',
};

export function summarizeAuditEvent(action: string, after: unknown): string {
  const base = SENTENCES[action] ?? action.replaceAll('_', ' ').replace('.', ': ');
  const details = after && typeof after === 'object' ? (after as Record<string, unknown>) : {};
  if (typeof details.comment === 'string' && details.comment) return `${base} — “${details.comment}”`;
  if (Array.isArray(details.reasons) && details.reasons.length > 0)
    return `${base}: ${(details.reasons as string[]).join('; ')}`;
  if (typeof details.reason === 'string' && details.reason) return `${base} — “${details.reason}”`;
  if (action === 'receipt.recorded' && Array.isArray(details.lines)) {
    const units = (details.lines as Array<{ quantity?: unknown }>).reduce((sum, l) => sum + Number(l.quantity ?? 0), 0);
    const site = typeof details.siteCode === 'string' ? ` at ${details.siteCode}` : '';
    return `${base}${site}: ${units} ${units === 1 ? 'unit' : 'units'}`;
  }
  return base;
}
