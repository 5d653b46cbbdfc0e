import { useTrialBalance, type TrialBalance } from '../../api/ledger.js';
import { Badge } from '../../ui/badge.js';
import { EmptyState } from '../../ui/empty-state.js';
import { humanize } from '../../ui/labels.js';
import { PageHeader } from '../../ui/page-header.js';
import { QueryView } from '../../ui/query-view.js';
import { EntitiesView, FinanceFilters } from './finance-filters.js';
import { Amount, currentPeriod, formatPeriod } from './finance-labels.js';
import { useFinanceScope } from './finance-scope.js';
import { FinanceTabs } from './finance-tabs.js';
import './finance.css';

/** Per account of an entity: the balance before the month, its debits and credits, the balance after. */
export function TrialBalancePage() {
  const scope = useFinanceScope();
  const period = scope.filters.period || currentPeriod();
  const query = useTrialBalance(scope.legalEntityId, period);
  return (
    <>
      <PageHeader
        title="Trial balance"
        subtitle="Each account's opening balance, the month's debits and credits, and its closing balance, signed the account's normal way."
      />
      <FinanceTabs />
      <EntitiesView query={scope.entities}>
        {(entities) => (
          <>
            <FinanceFilters
              label="Choose the trial balance"
              entities={entities}
              legalEntityId={scope.legalEntityId}
              period={period}
              onChange={scope.update}
            />
            <QueryView query={query} loadingLabel="Loading the trial balance…">
              {(balance) => <TrialBalanceTable balance={balance} isBusy={query.isPlaceholderData} />}
            </QueryView>
          </>
        )}
      </EntitiesView>
    </>
  );
}

function TrialBalanceTable({ balance, isBusy }: { balance: TrialBalance; isBusy: boolean }) {
  const { currency } = balance;
  const title = `Trial balance for ${formatPeriod(balance.period)}`;
  return (
    <section className="panel" aria-labelledby="trial-balance-title">
      <div className="finance-status">
        <h2 id="trial-balance-title">{title}</h2>
        {balance.isBalanced ? <Badge tone="success">Balanced</Badge> : <Badge tone="danger">Does not balance</Badge>}
        {balance.isClosed ? <Badge tone="neutral">Closed</Badge> : <Badge tone="info">Open</Badge>}
        <span className="muted">Amounts in {currency}</span>
      </div>
      {!balance.isBalanced ? (
        <p className="field__error">
          Debits and credits differ by{' '}
          <Amount
            minor={Math.abs(balance.totals.debitMinor - balance.totals.creditMinor)}
            currency={currency}
            showZero
          />
          : the books need attention before this month can be relied on.
        </p>
      ) : null}
      {balance.rows.length === 0 ? (
        <EmptyState title="No accounts with a balance or movement" />
      ) : (
        <div className="table-wrap" aria-busy={isBusy}>
          <table className="data-table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">Account</th>
                <th scope="col">Type</th>
                <th scope="col" className="align-right">
                  Opening
                </th>
                <th scope="col" className="align-right">
                  Debits
                </th>
                <th scope="col" className="align-right">
                  Credits
                </th>
                <th scope="col" className="align-right">
                  Closing
                </th>
              </tr>
            </thead>
            <tbody>
              {balance.rows.map((row) => (
                <tr key={row.accountId}>
                  <th scope="row" className="trial-balance__account">
                    <code>{row.code}</code> {row.name}
                  </th>
                  <td>{humanize(row.type)}</td>
                  <td className="align-right">
                    <Amount minor={row.openingMinor} currency={currency} showZero />
                  </td>
                  <td className="align-right">
                    <Amount minor={row.debitMinor} currency={currency} />
                  </td>
                  <td className="align-right">
                    <Amount minor={row.creditMinor} currency={currency} />
                  </td>
                  <td className="align-right">
                    <Amount minor={row.closingMinor} currency={currency} showZero />
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={3}>
                  Total
                </th>
                <td className="align-right">
                  <Amount minor={balance.totals.debitMinor} currency={currency} showZero />
                </td>
                <td className="align-right">
                  <Amount minor={balance.totals.creditMinor} currency={currency} showZero />
                </td>
                <td />
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </section>
  );
}
