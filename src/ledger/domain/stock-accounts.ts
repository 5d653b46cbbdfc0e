// Which account holds returned units in each stock status, and the lines a movement of them posts
// at their carrying value. Pure: the posting step supplies the value and the exit account.
import type { AccountRole } from '../../contracts/ledger.js';
import type { DraftLine } from './journal.js';

type OnHandStatus =
  | 'awaiting_inspection'
  | 'saleable'
  | 'quarantined'
  | 'in_repair'
  | 'in_refurbishment'
  | 'on_vendor_return'
  | 'allocated_to_replacement'
  | 'scrapped'
  | 'secondary_channel';

export const ACCOUNT_OF_STATUS: Readonly<Record<OnHandStatus, AccountRole>> = {
  awaiting_inspection: 'returns_awaiting_inspection',
  saleable: 'inventory',
  allocated_to_replacement: 'inventory',
  in_repair: 'returns_in_repair',
  in_refurbishment: 'returns_in_repair',
  quarantined: 'returns_quarantined',
  on_vendor_return: 'returns_on_vendor_return',
  secondary_channel: 'returns_secondary_channel',
  // Scrapped units are written off when they are scrapped; what is left of them is worth nothing.
  scrapped: 'scrap_write_off',
};

export interface ValuedMovement {
  fromStatus: OnHandStatus | null;
  toStatus: OnHandStatus | null;
  valueMinor: number;
}

const label = (status: OnHandStatus | null) => (status ?? 'out').replace(/_/g, ' ');

/**
 * A receipt (no `from`) brings the cost of the goods back from cost of goods sold; units leaving
 * stock (no `to`) go to `exitRole`; scrapped units leave at no value (written off already).
 */
export function movementLines(movement: ValuedMovement, exitRole: AccountRole): DraftLine[] {
  const { fromStatus, toStatus, valueMinor } = movement;
  if (fromStatus === 'scrapped' && toStatus === null) return [];
  const from: AccountRole = fromStatus ? ACCOUNT_OF_STATUS[fromStatus] : 'cost_of_goods_sold';
  const to: AccountRole = toStatus ? ACCOUNT_OF_STATUS[toStatus] : exitRole;
  if (from === to) return [];
  const memo = fromStatus === null ? `received: ${label(toStatus)}` : `${label(fromStatus)} → ${label(toStatus)}`;
  return [
    { role: to, amountMinor: valueMinor, memo },
    { role: from, amountMinor: -valueMinor, memo },
  ];
}
