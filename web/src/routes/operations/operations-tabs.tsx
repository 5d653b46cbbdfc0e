import { NavLink } from 'react-router';
import { useOperationsCount } from '../../api/operations.js';
import { OPERATIONS_PATH } from '../../auth/permissions.js';

/** The operations lists, each with how many wait (everywhere): the same order on the hub and the tabs. */
export const OPERATIONS_LISTS = [
  {
    path: `${OPERATIONS_PATH}/work-orders`,
    label: 'Work orders',
    list: 'workOrders',
    waiting: 'open',
    waitingWord: 'open',
    description: 'Repairs and refurbishments on our bench and at repair partners: estimates, costs, outcomes.',
  },
  {
    path: `${OPERATIONS_PATH}/vendor-returns`,
    label: 'Vendor returns',
    list: 'vendorReturns',
    waiting: 'open',
    waitingWord: 'to ship',
    description: 'Goods going back to their supplier, one document per supplier and site, with the evidence.',
  },
  {
    path: `${OPERATIONS_PATH}/holds`,
    label: 'Quarantine holds',
    list: 'holds',
    waiting: 'held',
    waitingWord: 'held',
    description: 'Goods held until someone decides: restock, scrap, the outlet, the customer or the supplier.',
  },
  {
    path: `${OPERATIONS_PATH}/liquidation`,
    label: 'Liquidation lots',
    list: 'lots',
    waiting: 'open',
    waitingWord: 'to sell',
    description: 'Goods for the secondary channel, gathered into lots and sold to a buyer.',
  },
  {
    path: `${OPERATIONS_PATH}/customer-returns`,
    label: 'Returns to customers',
    list: 'customerReturns',
    waiting: 'awaiting_shipment',
    waitingWord: 'to ship',
    description: 'Units whose claim was not borne out, going back to the customer who sent them.',
  },
  {
    path: `${OPERATIONS_PATH}/disposals`,
    label: 'Disposals',
    list: 'disposals',
    waiting: undefined,
    waitingWord: 'recorded',
    description: 'What was scrapped or sent to hazardous disposal: why, the value written off and who approved it.',
  },
] as const;

export type OperationsListEntry = (typeof OPERATIONS_LISTS)[number];

/** How many wait in one list; nothing while it loads (or when it cannot be read). */
export function WaitingCount({
  entry,
  className,
  isWordShown = false,
}: {
  entry: OperationsListEntry;
  className: string;
  /** The word after the number ("3 open") shown, or only read out. */
  isWordShown?: boolean;
}) {
  const count = useOperationsCount(entry.list, entry.waiting);
  if (count === null) return null;
  return (
    <span>
      <span className={`${className}${count > 0 && entry.waiting ? ` ${className}--busy` : ''}`}>{count}</span>
      <span className={isWordShown ? undefined : 'visually-hidden'}> {entry.waitingWord}</span>
    </span>
  );
}

export function OperationsTabs() {
  return (
    <nav className="tab-bar" aria-label="Operations">
      {OPERATIONS_LISTS.map((entry) => (
        <NavLink key={entry.path} to={entry.path}>
          {entry.label}
          <WaitingCount entry={entry} className="tab-count" />
        </NavLink>
      ))}
    </nav>
  );
}
