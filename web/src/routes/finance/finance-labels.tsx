// How the finance screens name what the books hold: events, sources, account types, months, amounts.
import { Link } from 'react-router';
import { ACCOUNT_TYPES } from '../../../../src/contracts/ledger.js';
import type { JournalEntry } from '../../api/ledger.js';
import { journalEntryPath } from '../../auth/permissions.js';
import { Badge } from '../../ui/badge.js';
import type { Option } from '../../ui/field.js';
import { humanize } from '../../ui/labels.js';
import { formatMoney } from '../../ui/money.js';

/** The events that post (the workflows' `event`), in people's words. */
const EVENT_LABELS: Record<string, string> = {
  'receipt.recorded': 'Goods received',
  'disposition.executed': 'Disposition executed',
  'work_order.completed': 'Work order completed',
  'vendor_return.shipped': 'Vendor return shipped',
  'quarantine_hold.released': 'Quarantine hold released',
  'liquidation_lot.sold': 'Liquidation lot sold',
  'customer_return_shipment.shipped': 'Shipped back to the customer',
  'stock.moved': 'Stock moved by hand',
  'journal.reversed': 'Reversal',
};

export const eventLabel = (event: string) => EVENT_LABELS[event] ?? humanize(event.replace(/\./g, ' '));

/** What an entry was posted for (its `sourceType`), the journal's filter. */
const SOURCE_TYPE_LABELS: Record<string, string> = {
  receipt: 'Receipt',
  disposition: 'Disposition',
  work_order: 'Work order',
  vendor_return: 'Vendor return',
  quarantine_hold: 'Quarantine hold',
  liquidation_lot: 'Liquidation lot',
  customer_return_shipment: 'Return to customer',
  stock_movement: 'Stock movement',
};

export const sourceTypeLabel = (type: string) => SOURCE_TYPE_LABELS[type] ?? humanize(type);
export const SOURCE_TYPE_OPTIONS: Option[] = Object.entries(SOURCE_TYPE_LABELS).map(([value, label]) => ({
  value,
  label,
}));

export const ACCOUNT_TYPE_OPTIONS: Option[] = ACCOUNT_TYPES.map((type) => ({ value: type, label: humanize(type) }));

/** This month as the server counts it (UTC), YYYY-MM. */
export const currentPeriod = () => new Date().toISOString().slice(0, 7);

/** "2026-11" → "November 2026". */
export function formatPeriod(period: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(period);
  if (!match) return period;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
  return date.toLocaleDateString(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** An amount in a column: blank when nothing is on that side. */
export function Amount({ minor, currency, showZero = false }: { minor: number; currency: string; showZero?: boolean }) {
  if (minor === 0 && !showZero) return null;
  return <span className="ledger-amount">{formatMoney(minor, currency)}</span>;
}

export function ReturnLink({ entry }: { entry: Pick<JournalEntry, 'rmaId' | 'rmaNumber'> }) {
  if (!entry.rmaId) return <>—</>;
  return <Link to={`/returns/${encodeURIComponent(entry.rmaId)}`}>{entry.rmaNumber ?? entry.rmaId}</Link>;
}

export function EntryLink({ id, number }: { id: string; number: string }) {
  return <Link to={journalEntryPath(id)}>{number}</Link>;
}

/** Whether an entry was reversed, or is itself a reversal. */
export function ReversalBadge({ entry }: { entry: Pick<JournalEntry, 'reversedByEntryId' | 'reversesEntryId'> }) {
  if (entry.reversesEntryId) return <Badge tone="info">Reversal</Badge>;
  if (entry.reversedByEntryId) return <Badge tone="muted">Reversed</Badge>;
  return null;
}
