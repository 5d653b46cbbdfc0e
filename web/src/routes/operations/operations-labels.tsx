// How the operations screens name a unit and the states of what dispositions opened.
import { Link } from 'react-router';
import { Badge, type BadgeTone } from '../../ui/badge.js';
import { humanize } from '../../ui/labels.js';

/** The unit fields every follow-up carries (contracts/disposition.ts `unitFields`). */
export interface UnitOf {
  rmaId: string;
  rmaNumber: string | null;
  productSku: string | null;
  productName: string | null;
  quantity: number;
  lot: string | null;
  serial: string | null;
  siteCode: string | null;
}

export function productLabel(unit: Pick<UnitOf, 'productSku' | 'productName'>): string {
  return [unit.productSku, unit.productName].filter(Boolean).join(' · ') || '—';
}

/** The serial of a serialized unit, the lot of a lot-controlled one; otherwise nothing tells them apart. */
export function unitDetail(unit: Pick<UnitOf, 'serial' | 'lot'>): string {
  if (unit.serial) return `Serial ${unit.serial}`;
  if (unit.lot) return `Lot ${unit.lot}`;
  return '';
}

export const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** Product, units and serial or lot, in one cell. */
export function UnitCell({ unit }: { unit: UnitOf }) {
  const detail = unitDetail(unit);
  return (
    <>
      {productLabel(unit)}
      <span className="cell-sub">
        {plural(unit.quantity, 'unit')}
        {detail ? ` · ${detail}` : ''}
      </span>
    </>
  );
}

export function ReturnLink({ unit }: { unit: Pick<UnitOf, 'rmaId' | 'rmaNumber'> }) {
  return <Link to={`/returns/${encodeURIComponent(unit.rmaId)}`}>{unit.rmaNumber ?? unit.rmaId}</Link>;
}

const STATE_TONES: Record<string, BadgeTone> = {
  open: 'info',
  held: 'warning',
  awaiting_shipment: 'info',
  shipped: 'success',
  sold: 'success',
  released: 'success',
  completed: 'success',
};

export const STATE_LABELS: Record<string, string> = {
  open: 'Open',
  held: 'Held',
  released: 'Released',
  awaiting_shipment: 'Awaiting shipment',
  shipped: 'Shipped',
  sold: 'Sold',
  completed: 'Completed',
};

export function StateBadge({ state, detail }: { state: string; detail?: string | null }) {
  return (
    <Badge tone={STATE_TONES[state] ?? 'neutral'}>
      {STATE_LABELS[state] ?? humanize(state)}
      {detail ? ` · ${detail}` : ''}
    </Badge>
  );
}
