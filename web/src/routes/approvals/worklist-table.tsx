import { Link } from 'react-router';
import type { RmaSummary } from '../../../../src/contracts/returns.js';
import { useReturnDetails } from '../../api/approvals.js';
import { formatDateTime } from '../../ui/dates.js';
import { humanize } from '../../ui/labels.js';
import { formatMoney } from '../../ui/money.js';
import { useNow } from '../../ui/use-now.js';
import { describeAge } from './worklist.js';

/** One row per waiting return: what it is, who, which items, how long it has waited, why it waits. */
export function WorklistTable({
  rows,
  search,
  selected,
  onSelectedChange,
}: {
  rows: RmaSummary[];
  search: string;
  selected: ReadonlySet<string>;
  onSelectedChange: (selected: ReadonlySet<string>) => void;
}) {
  const details = useReturnDetails(rows.map((rma) => rma.id));
  const now = useNow();
  const isAllSelected = rows.length > 0 && rows.every((rma) => selected.has(rma.id));

  function toggle(id: string, isOn: boolean) {
    const next = new Set(selected);
    if (isOn) next.add(id);
    else next.delete(id);
    onSelectedChange(next);
  }

  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className="visually-hidden">Returns waiting for approval</caption>
        <thead>
          <tr>
            <th scope="col">
              <input
                type="checkbox"
                aria-label="Select all"
                checked={isAllSelected}
                onChange={(event) => onSelectedChange(new Set(event.target.checked ? rows.map((rma) => rma.id) : []))}
              />
            </th>
            <th scope="col">Return</th>
            <th scope="col">Customer</th>
            <th scope="col">Items</th>
            <th scope="col">Waiting</th>
            <th scope="col" className="align-right">
              Value
            </th>
            <th scope="col">Why approval is needed</th>
            <th scope="col">
              <span className="visually-hidden">Review</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((rma, index) => {
            const lines = details[index]?.data?.lines;
            return (
              <tr key={rma.id}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Select ${rma.rmaNumber}`}
                    checked={selected.has(rma.id)}
                    onChange={(event) => toggle(rma.id, event.target.checked)}
                  />
                </td>
                <td>
                  <Link to={`/returns/${rma.id}`}>{rma.rmaNumber}</Link>
                  <span className="cell-sub">{humanize(rma.returnType)}</span>
                </td>
                <td>
                  {rma.customerName}
                  <span className="cell-sub">{rma.customerAccount}</span>
                </td>
                <td>
                  {lines ? (
                    <ul className="worklist-items worklist-items--skus" aria-label={`Items of ${rma.rmaNumber}`}>
                      {lines.map((line) => (
                        <li key={line.id} title={line.productName}>
                          {line.sku} × {line.quantity}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <span className="muted">
                      {rma.lineCount} {rma.lineCount === 1 ? 'line' : 'lines'}
                    </span>
                  )}
                </td>
                <td className="worklist-age" title={`Requested ${formatDateTime(rma.createdAt)}`}>
                  {describeAge(rma.createdAt, now)}
                </td>
                <td className="align-right">{formatMoney(rma.totalValueMinor, rma.currency)}</td>
                <td>
                  {rma.routingReasons.length > 0 ? (
                    <ul className="worklist-items">
                      {rma.routingReasons.map((reason, reasonIndex) => (
                        <li key={`${reasonIndex}-${reason}`}>{reason}</li>
                      ))}
                    </ul>
                  ) : (
                    <span className="muted">No reason recorded</span>
                  )}
                </td>
                <td>
                  <Link to={`/approvals/${rma.id}${search}`} className="button button--small">
                    Review<span className="visually-hidden"> {rma.rmaNumber}</span>
                  </Link>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
