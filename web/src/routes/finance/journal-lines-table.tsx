import type { JournalEntry } from '../../api/ledger.js';
import { Badge } from '../../ui/badge.js';
import { Amount } from './finance-labels.js';

/** An entry's lines — account, debit, credit, memo — with the sums of both sides below them. */
export function JournalLinesTable({ entry, caption }: { entry: JournalEntry; caption: string }) {
  const debits = entry.lines.reduce((sum, line) => sum + line.debitMinor, 0);
  const credits = entry.lines.reduce((sum, line) => sum + line.creditMinor, 0);
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Account</th>
            <th scope="col" className="align-right">
              Debit
            </th>
            <th scope="col" className="align-right">
              Credit
            </th>
            <th scope="col">Memo</th>
          </tr>
        </thead>
        <tbody>
          {entry.lines.map((line) => (
            <tr key={line.lineNumber}>
              <td>
                <code>{line.accountCode}</code> {line.accountName}
              </td>
              <td className="align-right">
                <Amount minor={line.debitMinor} currency={entry.currency} />
              </td>
              <td className="align-right">
                <Amount minor={line.creditMinor} currency={entry.currency} />
              </td>
              <td>{line.memo}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            <td className="align-right">
              <Amount minor={debits} currency={entry.currency} showZero />
            </td>
            <td className="align-right">
              <Amount minor={credits} currency={entry.currency} showZero />
            </td>
            <td>
              {debits === credits ? (
                <Badge tone="success">Balanced</Badge>
              ) : (
                <Badge tone="danger">Does not balance</Badge>
              )}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
