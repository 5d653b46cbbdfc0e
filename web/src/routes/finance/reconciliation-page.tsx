import { useReconciliation, type Reconciliation } from '../../api/ledger.js';
import { Badge } from '../../ui/badge.js';
import { humanize } from '../../ui/labels.js';
import { PageHeader } from '../../ui/page-header.js';
import { QueryView } from '../../ui/query-view.js';
import { EntitiesView, FinanceFilters } from './finance-filters.js';
import { Amount } from './finance-labels.js';
import { formatDate } from '../../ui/dates.js';
import { useFinanceScope } from './finance-scope.js';
import { FinanceTabs } from './finance-tabs.js';
import { Difference, SubledgersTable } from './subledgers-table.js';
import './finance.css';

/**
 * Returns inventory: each stock account in the books beside the units on hand times their value;
 * then the other subledgers (open supplier claims, open customer credits) beside their accounts.
 * Now, or as at the end of a chosen month (a closed month reads as it did when it ended).
 */
export function ReconciliationPage() {
  const scope = useFinanceScope();
  const period = scope.filters.period ?? '';
  const query = useReconciliation(scope.legalEntityId, period);
  return (
    <>
      <PageHeader
        title="Reconciliation"
        subtitle="Each account that holds returned stock, beside the units on hand in its statuses times what they are carried at. Open supplier claims and customer credits are set beside their control accounts too. Any difference is flagged."
      />
      <FinanceTabs />
      <EntitiesView query={scope.entities}>
        {(entities) => (
          <>
            <FinanceFilters
              label="Choose the legal entity"
              entities={entities}
              legalEntityId={scope.legalEntityId}
              period={period}
              periodHint={
                period ? 'As at the end of this month.' : 'As things stand now; choose a month to see its end.'
              }
              onChange={scope.update}
            />
            <QueryView query={query} loadingLabel="Reconciling…">
              {(reconciliation) => (
                <>
                  <ReconciliationTable reconciliation={reconciliation} />
                  <SubledgersTable reconciliation={reconciliation} />
                </>
              )}
            </QueryView>
          </>
        )}
      </EntitiesView>
    </>
  );
}

function ReconciliationTable({ reconciliation }: { reconciliation: Reconciliation }) {
  const { currency } = reconciliation;
  return (
    <section className="panel" aria-labelledby="reconciliation-title">
      <div className="finance-status">
        <h2 id="reconciliation-title">Returns inventory</h2>
        {reconciliation.isReconciled ? (
          <Badge tone="success">Reconciled</Badge>
        ) : (
          <Badge tone="danger">Differences found</Badge>
        )}
        <span className="muted">
          {reconciliation.period ? `As at ${formatDate(reconciliation.asOf)}` : 'As things stand now'} · Amounts in{' '}
          {currency}
        </span>
      </div>
      {reconciliation.unvaluedUnits > 0 ? (
        <p className="field__error">
          {reconciliation.unvaluedUnits} units on hand have no carrying value (received before the books were kept):
          they need an opening balance.
        </p>
      ) : null}
      <div className="table-wrap">
        <table className="data-table">
          <caption className="visually-hidden">Returns inventory reconciliation</caption>
          <thead>
            <tr>
              <th scope="col">Account</th>
              <th scope="col" className="align-right">
                Units on hand
              </th>
              <th scope="col" className="align-right">
                In the books
              </th>
              <th scope="col" className="align-right">
                Stock × value
              </th>
              <th scope="col" className="align-right">
                Difference
              </th>
            </tr>
          </thead>
          <tbody>
            {reconciliation.rows.map((row) => (
              <tr key={row.role}>
                <th scope="row" className="trial-balance__account">
                  {row.accountCode ? <code>{row.accountCode}</code> : null} {row.accountName ?? humanize(row.role)}
                </th>
                <td className="align-right">{row.units}</td>
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
