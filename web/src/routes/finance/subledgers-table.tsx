import type { Reconciliation } from '../../api/ledger.js';
import { Badge } from '../../ui/badge.js';
import { humanize } from '../../ui/labels.js';
import { Amount } from './finance-labels.js';

type SubledgerName = Reconciliation['subledgers'][number]['name'];

const SUBLEDGER_LABELS: Record<SubledgerName, { title: string; items: string }> = {
  supplier_claims: { title: 'Open supplier claims', items: 'claims' },
  customer_credits: { title: 'Open customer credits', items: 'credit memos' },
  returns_reserve: { title: 'Credits given ahead of inspection', items: 'credit lines' },
};

/** A difference between the books and their subledger: none, or the amount flagged. */
export function Difference({ minor, currency }: { minor: number; currency: string }) {
  return minor === 0 ? (
    <Badge tone="success">None</Badge>
  ) : (
    <Badge tone="danger">
      <Amount minor={minor} currency={currency} showZero />
    </Badge>
  );
}

/** Open supplier claims, customer credits and early credits beside their control accounts. */
export function SubledgersTable({ reconciliation }: { reconciliation: Reconciliation }) {
  const { currency } = reconciliation;
  return (
    <section className="panel" aria-labelledby="subledgers-title">
      <div className="finance-status">
        <h2 id="subledgers-title">Subledgers and control accounts</h2>
        <span className="muted">Amounts in {currency}</span>
      </div>
      <div className="table-wrap">
        <table className="data-table">
          <caption className="visually-hidden">Subledgers beside their control accounts</caption>
          <thead>
            <tr>
              <th scope="col">Subledger</th>
              <th scope="col">Control account</th>
              <th scope="col" className="align-right">
                Open documents
              </th>
              <th scope="col" className="align-right">
                In the books
              </th>
              <th scope="col" className="align-right">
                Documents say
              </th>
              <th scope="col" className="align-right">
                Difference
              </th>
            </tr>
          </thead>
          <tbody>
            {reconciliation.subledgers.map((row) => (
              <tr key={row.name}>
                <th scope="row">{SUBLEDGER_LABELS[row.name].title}</th>
                <td className="trial-balance__account">
                  {row.accountCode ? <code>{row.accountCode}</code> : null} {row.accountName ?? humanize(row.role)}
                </td>
                <td className="align-right">
                  {row.openItems} {SUBLEDGER_LABELS[row.name].items}
                </td>
                <td className="align-right">
                  <Amount minor={row.ledgerMinor} currency={currency} showZero />
                </td>
                <td className="align-right">
                  <Amount minor={row.subledgerMinor} currency={currency} showZero />
                </td>
                <td className="align-right">
                  <Difference minor={row.differenceMinor} currency={currency} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
