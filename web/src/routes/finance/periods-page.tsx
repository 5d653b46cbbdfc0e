import { useState } from 'react';
import { useFiscalPeriods, type FiscalPeriod } from '../../api/ledger.js';
import { useCurrentUser } from '../../auth/auth-context.js';
import { canClosePeriods } from '../../auth/permissions.js';
import { Badge } from '../../ui/badge.js';
import { DataTable, type Column } from '../../ui/data-table.js';
import { formatDateTime } from '../../ui/dates.js';
import { TextField } from '../../ui/field.js';
import { PageHeader } from '../../ui/page-header.js';
import { QueryView } from '../../ui/query-view.js';
import { ClosePeriodDialog } from './close-period-dialog.js';
import { EntitiesView, FinanceFilters } from './finance-filters.js';
import { currentPeriod, formatPeriod } from './finance-labels.js';
import { useFinanceScope } from './finance-scope.js';
import { FinanceTabs } from './finance-tabs.js';
import './finance.css';

/** The month before this one: the usual month to close. */
function previousPeriod(): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
}

/** An entity's months with entries (or closed), newest first; finance closes the ones that have ended. */
export function PeriodsPage() {
  const user = useCurrentUser();
  const scope = useFinanceScope();
  const periods = useFiscalPeriods(scope.legalEntityId);
  const mayClose = canClosePeriods(user.role);
  const [closing, setClosing] = useState<{ period: string; entries: number | null } | null>(null);

  const columns: Column<FiscalPeriod>[] = [
    { key: 'period', header: 'Month', render: (row) => formatPeriod(row.period) },
    {
      key: 'status',
      header: 'Status',
      render: (row) =>
        row.status === 'closed' ? <Badge tone="neutral">Closed</Badge> : <Badge tone="info">Open</Badge>,
    },
    { key: 'entries', header: 'Entries', align: 'right', render: (row) => row.entries },
    {
      key: 'closed',
      header: 'Closed',
      render: (row) => (row.closedAt ? `${formatDateTime(row.closedAt)} by ${row.closedBy ?? '—'}` : '—'),
    },
    {
      key: 'action',
      header: <span className="visually-hidden">Close</span>,
      render: (row) =>
        mayClose && row.status === 'open' ? (
          <button
            type="button"
            className="button button--small"
            onClick={() => setClosing({ period: row.period, entries: row.entries })}
          >
            Close<span className="visually-hidden"> {formatPeriod(row.period)}</span>
          </button>
        ) : null,
    },
  ];

  return (
    <>
      <PageHeader
        title="Periods"
        subtitle="The books are kept by calendar month. Once a month has ended and is checked, finance closes it: nothing posts into it afterwards."
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
              {mayClose ? (
                <ClosePeriodForm
                  key={entity.id}
                  onClose={(period) =>
                    setClosing({
                      period,
                      entries: periods.data?.items.find((row) => row.period === period)?.entries ?? null,
                    })
                  }
                />
              ) : null}
              <section className="panel" aria-labelledby="periods-title">
                <h2 id="periods-title">Months of {entity.code}</h2>
                <QueryView query={periods} loadingLabel="Loading periods…">
                  {({ items }) => (
                    <DataTable
                      columns={columns}
                      rows={items}
                      rowKey={(row) => row.period}
                      caption={`Periods of ${entity.code}`}
                      emptyTitle="Nothing posted yet"
                    />
                  )}
                </QueryView>
              </section>
              {closing ? (
                <ClosePeriodDialog
                  entity={entity}
                  period={closing.period}
                  entries={closing.entries}
                  onClose={() => setClosing(null)}
                />
              ) : null}
            </>
          );
        }}
      </EntitiesView>
    </>
  );
}

/** Any month, not only the ones listed (a month without entries closes too). */
function ClosePeriodForm({ onClose }: { onClose: (period: string) => void }) {
  const [period, setPeriod] = useState(previousPeriod);
  const [error, setError] = useState<string | undefined>();
  return (
    <section className="panel" aria-labelledby="close-period-title">
      <h2 id="close-period-title">Close a month</h2>
      <form
        className="finance-form"
        aria-label="Close a month"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!/^\d{4}-\d{2}$/.test(period)) {
            setError('Choose the month to close.');
            return;
          }
          onClose(period);
        }}
      >
        <TextField
          label="Month to close"
          type="month"
          value={period}
          max={currentPeriod()}
          error={error}
          onChange={(event) => {
            setPeriod(event.target.value);
            setError(undefined);
          }}
        />
        <button type="submit" className="button">
          Close…
        </button>
      </form>
    </section>
  );
}
