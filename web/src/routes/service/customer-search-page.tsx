import { Link, useNavigate } from 'react-router';
import type { Customer } from '../../../../src/contracts/masterdata.js';
import { useCustomers } from '../../api/customers.js';
import { Badge } from '../../ui/badge.js';
import { DataTable, type Column } from '../../ui/data-table.js';
import { humanize } from '../../ui/labels.js';
import { useOpenOnEnter } from '../../ui/open-on-enter.js';
import { PageHeader } from '../../ui/page-header.js';
import { PagedResults } from '../../ui/paged-results.js';
import { SearchBox } from '../../ui/search-box.js';
import { useListParams } from '../returns/use-list-params.js';

const columns: Column<Customer>[] = [
  {
    key: 'account',
    header: 'Account',
    render: (customer) => <Link to={`/service/customers/${customer.id}`}>{customer.accountNumber}</Link>,
    sortValue: (customer) => customer.accountNumber,
  },
  { key: 'name', header: 'Name', render: (customer) => customer.name, sortValue: (customer) => customer.name },
  {
    key: 'tier',
    header: 'Tier',
    render: (customer) => humanize(customer.tier),
    sortValue: (customer) => customer.tier,
  },
  { key: 'channel', header: 'Channel', render: (customer) => humanize(customer.channel) },
  {
    key: 'region',
    header: 'Region',
    render: (customer) => customer.region || '—',
    sortValue: (customer) => customer.region,
  },
  { key: 'currency', header: 'Currency', render: (customer) => customer.currency },
  {
    key: 'hold',
    header: 'Credit',
    render: (customer) =>
      customer.isOnCreditHold ? <Badge tone="danger">On hold</Badge> : <Badge tone="success">OK</Badge>,
  },
];

export function CustomerSearchPage() {
  const { filters, page, pageSize, update, setPage, setPageSize } = useListParams(['q'] as const);
  const query = useCustomers({ q: filters.q || undefined, page, pageSize });
  const navigate = useNavigate();
  // A scanned or typed code that finds exactly one customer opens it on Enter.
  const answer =
    query.data && !query.isPlaceholderData
      ? { term: filters.q, matches: query.data.items, total: query.data.total }
      : null;
  const pressEnter = useOpenOnEnter(answer, (match) => void navigate(`/service/customers/${match.id}`));
  return (
    <>
      <PageHeader
        title="Customers"
        subtitle="Find a customer to see their orders and returns, or to raise a return for them."
      />
      <section className="panel">
        <SearchBox
          label="Search customers"
          placeholder="Name or account number"
          initialValue={filters.q}
          onSearch={(q, how) => {
            update({ q });
            if (how.isEnter) pressEnter(q);
          }}
        />
      </section>
      <PagedResults
        query={query}
        loadingLabel="Loading customers…"
        onPageChange={setPage}
        onPageSizeChange={setPageSize}
      >
        {(rows, isBusy) => (
          <DataTable
            columns={columns}
            rows={rows}
            rowKey={(customer) => customer.id}
            caption="Customers"
            isBusy={isBusy}
            emptyTitle="No customers match"
          />
        )}
      </PagedResults>
    </>
  );
}
