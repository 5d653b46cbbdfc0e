import { useState } from 'react';
import { describeError } from '../../api/api-error.js';
import { downloadJournalCsv, useJournalEntries, useLedgerAccounts, type JournalEntry } from '../../api/ledger.js';
import { DataTable, type Column } from '../../ui/data-table.js';
import { formatDate } from '../../ui/dates.js';
import { SelectField } from '../../ui/field.js';
import { PageHeader } from '../../ui/page-header.js';
import { PagedResults } from '../../ui/paged-results.js';
import { useToast } from '../../ui/toast.js';
import { EntitiesView, FinanceFilters } from './finance-filters.js';
import {
  Amount,
  EntryLink,
  eventLabel,
  formatPeriod,
  ReturnLink,
  ReversalBadge,
  SOURCE_TYPE_OPTIONS,
} from './finance-labels.js';
import { useFinanceScope } from './finance-scope.js';
import { FinanceTabs } from './finance-tabs.js';
import { JournalLinesTable } from './journal-lines-table.js';
import './finance.css';

const FILTER_KEYS = ['sourceType', 'accountId'] as const;

/** Every entry the books hold for an entity, newest first: by month, what posted it, or an account. */
export function JournalPage() {
  const scope = useFinanceScope(FILTER_KEYS, 25);
  const { filters, legalEntityId, page, pageSize } = scope;
  const period = filters.period;
  const accounts = useLedgerAccounts(legalEntityId);
  const query = useJournalEntries({
    legalEntityId,
    period,
    sourceType: filters.sourceType,
    accountId: filters.accountId,
    page,
    pageSize,
  });
  const toast = useToast();
  const [isDownloading, setIsDownloading] = useState(false);

  function download() {
    setIsDownloading(true);
    downloadJournalCsv(legalEntityId, period)
      .catch((error: unknown) => toast.show(`The journal was not downloaded: ${describeError(error)}`, 'error'))
      .finally(() => setIsDownloading(false));
  }

  const columns: Column<JournalEntry>[] = [
    { key: 'number', header: 'Entry', render: (entry) => <EntryLink id={entry.id} number={entry.entryNumber} /> },
    { key: 'date', header: 'Date', render: (entry) => formatDate(entry.postingDate) },
    {
      key: 'event',
      header: 'Event',
      render: (entry) => (
        <>
          {eventLabel(entry.event)} <ReversalBadge entry={entry} />
        </>
      ),
    },
    { key: 'description', header: 'Description', render: (entry) => entry.description },
    { key: 'return', header: 'Return', render: (entry) => <ReturnLink entry={entry} /> },
    {
      key: 'total',
      header: 'Total',
      align: 'right',
      render: (entry) => <Amount minor={entry.totalMinor} currency={entry.currency} showZero />,
    },
    {
      key: 'lines',
      header: 'Lines',
      render: (entry) => (
        <details className="journal-lines">
          <summary>
            {entry.lines.length} lines<span className="visually-hidden"> of {entry.entryNumber}</span>
          </summary>
          <JournalLinesTable entry={entry} caption={`Lines of ${entry.entryNumber}`} />
        </details>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="Journal"
        subtitle="What the books recorded as returned goods were received, dispositioned and sent on: one entry per event, debits equal to credits."
        actions={
          period ? (
            <button type="button" className="button" onClick={download} disabled={isDownloading || !legalEntityId}>
              {isDownloading ? 'Downloading…' : `Download ${formatPeriod(period)} as CSV`}
            </button>
          ) : null
        }
      />
      <FinanceTabs />
      <EntitiesView query={scope.entities}>
        {(items) => (
          <>
            <FinanceFilters
              label="Filter the journal"
              entities={items}
              legalEntityId={legalEntityId}
              period={period}
              periodHint={period ? undefined : 'Every month; choose one to download it as CSV.'}
              // An account belongs to one entity: another entity's books start without one.
              onChange={(changes) =>
                scope.update(changes.legalEntityId === undefined ? changes : { ...changes, accountId: '' })
              }
            >
              <SelectField
                label="Posted for"
                value={filters.sourceType}
                placeholder="Any event"
                options={SOURCE_TYPE_OPTIONS}
                onChange={(event) => scope.update({ sourceType: event.target.value })}
              />
              <SelectField
                label="Account"
                value={filters.accountId}
                placeholder="Any account"
                options={(accounts.data?.items ?? []).map((account) => ({
                  value: account.id,
                  label: `${account.code} · ${account.name}`,
                }))}
                onChange={(event) => scope.update({ accountId: event.target.value })}
              />
            </FinanceFilters>
            <PagedResults
              query={query}
              loadingLabel="Loading the journal…"
              paginationLabel="Journal pages"
              onPageChange={scope.setPage}
              onPageSizeChange={scope.setPageSize}
            >
              {(entries, isBusy) => (
                <DataTable
                  columns={columns}
                  rows={entries}
                  rowKey={(entry) => entry.id}
                  caption="Journal entries"
                  isBusy={isBusy}
                  emptyTitle="No journal entries match"
                />
              )}
            </PagedResults>
          </>
        )}
      </EntitiesView>
    </>
  );
}
