import { useLedgerAccounts, type LedgerAccount } from '../../api/ledger.js';
import { useCurrentUser } from '../../auth/auth-context.js';
import { canManageLedger } from '../../auth/permissions.js';
import { Badge } from '../../ui/badge.js';
import { DataTable, type Column } from '../../ui/data-table.js';
import { EditTable } from '../../ui/edit-table.js';
import { humanize } from '../../ui/labels.js';
import { PageHeader } from '../../ui/page-header.js';
import { QueryView } from '../../ui/query-view.js';
import { AccountRow } from './account-row.js';
import { AddAccountForm } from './add-account-form.js';
import { EntitiesView, FinanceFilters } from './finance-filters.js';
import { useFinanceScope } from './finance-scope.js';
import { FinanceTabs } from './finance-tabs.js';
import './finance.css';

const READ_COLUMNS: Column<LedgerAccount>[] = [
  { key: 'code', header: 'Code', render: (account) => <code>{account.code}</code> },
  { key: 'name', header: 'Name', render: (account) => account.name },
  { key: 'type', header: 'Type', render: (account) => humanize(account.type) },
  { key: 'role', header: 'Postings use it for', render: (account) => (account.role ? humanize(account.role) : '—') },
  {
    key: 'status',
    header: 'Status',
    render: (account) =>
      account.isActive ? <Badge tone="success">Active</Badge> : <Badge tone="muted">Switched off</Badge>,
  },
];

/** An entity's chart of accounts: the ones postings use (by role) and finance's own. */
export function AccountsPage() {
  const user = useCurrentUser();
  const scope = useFinanceScope();
  const accounts = useLedgerAccounts(scope.legalEntityId);
  const mayManage = canManageLedger(user.role);
  return (
    <>
      <PageHeader
        title="Chart of accounts"
        subtitle="The accounts each legal entity books into. The ones postings use can be renamed and renumbered but stay on."
      />
      <FinanceTabs />
      <EntitiesView query={scope.entities}>
        {(entities) => {
          const entity = entities.find((candidate) => candidate.id === scope.legalEntityId) ?? entities[0]!;
          return (
            <>
              <FinanceFilters
                label="Whose books"
                entities={entities}
                legalEntityId={scope.legalEntityId}
                onChange={scope.update}
              />
              {mayManage ? <AddAccountForm key={entity.id} entity={entity} /> : null}
              <section className="panel" aria-labelledby="accounts-title">
                <h2 id="accounts-title">Accounts of {entity.code}</h2>
                <QueryView query={accounts} loadingLabel="Loading the chart of accounts…">
                  {({ items }) =>
                    mayManage ? (
                      <EditTable
                        caption={`Accounts of ${entity.code}`}
                        headers={['Code', 'Name', 'Type', 'Postings use it for', 'Status']}
                      >
                        {items.map((account) => (
                          <AccountRow key={account.id} account={account} />
                        ))}
                      </EditTable>
                    ) : (
                      <DataTable
                        columns={READ_COLUMNS}
                        rows={items}
                        rowKey={(account) => account.id}
                        caption={`Accounts of ${entity.code}`}
                        emptyTitle="No accounts yet"
                      />
                    )
                  }
                </QueryView>
              </section>
            </>
          );
        }}
      </EntitiesView>
    </>
  );
}
