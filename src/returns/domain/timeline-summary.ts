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
  'shipment.recorded': 'Shipment recorded',
  'shipment.state_changed': 'Shipment',
  'rma.routed': 'Routed by the rules',
  'rma.rerouted': 'Routed by hand',
};

/** A carrier state as a person reads it ("out for delivery"). */
const stateWords = (state: unknown) => (typeof state === 'string' ? state.replaceAll('_', ' ') : 'updated');

export function summarizeAuditEvent(action: string, after: unknown): string {
  const base = SENTENCES[action] ?? action.replaceAll('_', ' ').replace('.', ': ');
  const details = after && typeof after === 'object' ? (after as Record<string, unknown>) : {};
  if (action === 'rma.routed' || action === 'rma.rerouted') return describeRouting(base, details);
  if (typeof details.comment === 'string' && details.comment) return `${base} — “${details.comment}”`;
  if (Array.isArray(details.reasons) && details.reasons.length > 0)
    return `${base}: ${(details.reasons as string[]).join('; ')}`;
  if (typeof details.reason === 'string' && details.reason) return `${base} — “${details.reason}”`;
  if (action === 'receipt.recorded' && Array.isArray(details.lines)) {
    const units = (details.lines as Array<{ quantity?: unknown }>).reduce((sum, l) => sum + Number(l.quantity ?? 0), 0);
    const site = typeof details.siteCode === 'string' ? ` at ${details.siteCode}` : '';
    // A receipt whose goods all became exceptions still records that something came in.
    if (units === 0) return `Goods counted${site}: none matched the return (see its receipt exceptions)`;
    return `${base}${site}: ${units} ${units === 1 ? 'unit' : 'units'}`;
  }
  if (action === 'shipment.recorded') return `${base}: ${describeParcel(details)}`;
  if (action === 'shipment.state_changed') return `${base} ${stateWords(details.state)}: ${describeParcel(details)}`;
  return base;
}

function describeRouting(base: string, details: Record<string, unknown>): string {
  if (typeof details.siteCode !== 'string')
    return 'Not routed: no site is certified for these goods — route it by hand';
  const reason = typeof details.reason === 'string' && details.reason ? ` — “${details.reason}”` : '';
  return `${base} to ${details.siteCode}${reason}`;
}

function describeParcel(details: Record<string, unknown>): string {
  const carrier = typeof details.carrier === 'string' ? details.carrier : 'carrier';
  const number = typeof details.trackingNumber === 'string' ? details.trackingNumber : '';
  return `${carrier} ${number}`.trim();
}

/**
 * The customer's sentence for an event, or null for events customers do not see. Written for
 * the customer: no approval reasons, limits or tiers, no site codes, no approver's remarks; a
 * refusal or cancellation says why, in the words given for it.
 */
export function summarizeForCustomer(action: string, after: unknown): string | null {
  const details = after && typeof after === 'object' ? (after as Record<string, unknown>) : {};
  const quoted = (text: unknown) => (typeof text === 'string' && text ? ` — “${text}”` : '');
  switch (action) {
    case 'rma.requested':
      return 'Return requested';
    case 'rma.authorized':
      return 'Return authorized: the goods can be sent back';
    case 'rma.routed_for_approval':
      return 'Waiting for approval by the returns team';
    case 'rma.approved':
      return 'Approved: the goods can be sent back';
    case 'rma.rejected':
      return `Not accepted${quoted(details.comment)}`;
    case 'rma.cancelled':
      return `Cancelled${quoted(details.reason)}`;
    case 'rma.expired':
      return 'Authorization expired: nothing was shipped in time';
    case 'rma.unauthorized_recorded':
      return 'Goods arrived without an authorization; the returns team is looking into it';
    case 'receipt.recorded': {
      const lines = Array.isArray(details.lines) ? (details.lines as Array<{ quantity?: unknown }>) : [];
      const units = lines.reduce((sum, l) => sum + Number(l.quantity ?? 0), 0);
      return units > 0
        ? `Goods received: ${units} ${units === 1 ? 'unit' : 'units'}`
        : 'Goods arrived and are being checked';
    }
    case 'rma.rerouted':
      return 'The return address has changed: print the label again before sending';
    case 'shipment.recorded':
      return `Shipment recorded: ${describeParcel(details)}`;
    case 'shipment.state_changed':
      return `Parcel ${stateWords(details.state)}: ${describeParcel(details)}`;
    default:
      return null;
  }
}
