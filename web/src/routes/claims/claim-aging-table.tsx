import { AGING_BUCKETS } from '../../../../src/contracts/recovery.js';
import type { ClaimAging, ClaimAgingRow } from '../../api/supplier-claims.js';
import { formatDate } from '../../ui/dates.js';
import { EmptyState } from '../../ui/empty-state.js';
import { daysLabel, money } from './claim-labels.js';

const BUCKET_HEADERS: Record<(typeof AGING_BUCKETS)[number], string> = {
  '0-30': '0–30 days',
  '31-60': '31–60 days',
  '61-90': '61–90 days',
  '90+': 'Over 90 days',
};

/**
 * What each supplier still owes on open claims, by how long it has been waiting, and how long the
 * supplier took to pay the claims it paid (the reimbursement cycle). One row per supplier and
 * currency: amounts in different currencies are never added up.
 */
export function ClaimAgingTable({
  aging,
  onChooseSupplier,
}: {
  aging: ClaimAging;
  onChooseSupplier: (supplierId: string) => void;
}) {
  if (aging.rows.length === 0) return <EmptyState title="No supplier claims yet" />;
  return (
    <div className="table-wrap">
      <table className="data-table claim-aging">
        <caption className="visually-hidden">Claim aging by supplier, as of {formatDate(aging.asOf)}</caption>
        <thead>
          <tr>
            <th scope="col">Supplier</th>
            {AGING_BUCKETS.map((bucket) => (
              <th key={bucket} scope="col" className="align-right">
                {BUCKET_HEADERS[bucket]}
              </th>
            ))}
            <th scope="col" className="align-right">
              Open
            </th>
            <th scope="col" className="align-right">
              Paid
            </th>
            <th scope="col" className="align-right">
              Average days to pay
            </th>
            <th scope="col" className="align-right">
              Median days to pay
            </th>
          </tr>
        </thead>
        <tbody>
          {aging.rows.map((row) => (
            <AgingRow key={`${row.supplierId}:${row.currency}`} row={row} onChooseSupplier={onChooseSupplier} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AgingRow({ row, onChooseSupplier }: { row: ClaimAgingRow; onChooseSupplier: (supplierId: string) => void }) {
  const name = row.supplierName ?? row.supplierId;
  return (
    <tr>
      <th scope="row" className="claim-aging__supplier">
        <button type="button" className="link-button" onClick={() => onChooseSupplier(row.supplierId)}>
          {name}
          <span className="visually-hidden">: show its claims</span>
        </button>
        <span className="cell-sub">{row.currency}</span>
      </th>
      {AGING_BUCKETS.map((bucket) => {
        const cell = row.buckets[bucket];
        return (
          <td key={bucket} className="align-right claim-amount">
            {cell.count === 0 ? (
              <span className="muted">—</span>
            ) : (
              <>
                {money(cell.amountMinor, row.currency)}
                <span className="cell-sub">{cell.count === 1 ? '1 claim' : `${cell.count} claims`}</span>
              </>
            )}
          </td>
        );
      })}
      <td className="align-right claim-amount">
        {row.openCount === 0 ? (
          <span className="muted">—</span>
        ) : (
          <>
            {money(row.openAmountMinor, row.currency)}
            <span className="cell-sub">{row.openCount === 1 ? '1 claim' : `${row.openCount} claims`}</span>
          </>
        )}
      </td>
      <td className="align-right">{row.paidCount}</td>
      <td className="align-right">{daysLabel(row.averageDaysToPay)}</td>
      <td className="align-right">{daysLabel(row.medianDaysToPay)}</td>
    </tr>
  );
}
