import { Link } from 'react-router';
import type { RmaListFilters } from '../../api/rmas.js';
import { useRmas } from '../../api/rmas.js';
import { useCurrentUser } from '../../auth/auth-context.js';
import { canRecordArrivals, NEW_ARRIVAL_PATH } from '../../auth/permissions.js';
import { PageHeader } from '../../ui/page-header.js';
import { PagedResults } from '../../ui/paged-results.js';
import { SearchBox } from '../../ui/search-box.js';
import { RETURN_FILTER_KEYS, ReturnsFilters } from './returns-filters.js';
import { ReturnsTable } from './returns-table.js';
import type { SortState } from '../../ui/data-table.js';
import { useListParams } from './use-list-params.js';

export function ReturnsSearchPage() {
  const { filters, page, pageSize, update, setPage, setPageSize } = useListParams([...RETURN_FILTER_KEYS, 'sort']);
  const query = useRmas({ ...(nonEmpty(filters) as Partial<RmaListFilters>), page, pageSize });
  const sort = parseSort(filters.sort);
  const user = useCurrentUser();
  const isArrivals = filters.isUnauthorized === 'true';

  return (
    <>
      <PageHeader
        title={isArrivals ? 'Unauthorized arrivals' : 'Returns'}
        subtitle={
          isArrivals
            ? 'Goods that arrived without an RMA. Search by RMA number, customer name or account.'
            : 'Search by RMA number, customer name or account.'
        }
        actions={
          isArrivals && canRecordArrivals(user.role) ? (
            <Link to={NEW_ARRIVAL_PATH} className="button button--primary">
              Record an unauthorized arrival
            </Link>
          ) : null
        }
      />
      <section className="panel">
        <SearchBox
          label="Search returns"
          placeholder="RMA number, customer name or account"
          initialValue={filters.q}
          onSearch={(q) => update({ q })}
        />
        <ReturnsFilters filters={filters} onChange={update} />
        {filters.customerId ? (
          <p className="filter-chip">
            Showing one customer&apos;s returns.{' '}
            <button type="button" className="link-button" onClick={() => update({ customerId: '' })}>
              Show all customers
            </button>
          </p>
        ) : null}
      </section>
      <PagedResults query={query} onPageChange={setPage} onPageSizeChange={setPageSize}>
        {(rows, isBusy) => (
          <ReturnsTable
            rows={rows}
            caption={isArrivals ? 'Unauthorized arrivals' : 'Returns'}
            isBusy={isBusy}
            serverSort={{
              sort,
              onSortChange: (next) => update({ sort: `${next.direction === 'descending' ? '-' : ''}${next.key}` }),
            }}
          />
        )}
      </PagedResults>
    </>
  );
}

/** The URL's `sort` (e.g. `-created`) as the table's sort state; newest first when absent. */
function parseSort(value: string): SortState {
  const key = value.replace(/^-/, '') || 'created';
  return { key, direction: value.startsWith('-') || value === '' ? 'descending' : 'ascending' };
}

function nonEmpty(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== ''));
}
