import type { RmaStatus } from '../../../../src/contracts/returns.js';
import { useRmas } from '../../api/rmas.js';
import { SelectField } from '../../ui/field.js';
import { STATUS_OPTIONS } from '../../ui/options.js';
import { PageHeader } from '../../ui/page-header.js';
import { PagedResults } from '../../ui/paged-results.js';
import { SearchBox } from '../../ui/search-box.js';
import { ReturnsTable } from '../returns/returns-table.js';
import { useListParams } from '../returns/use-list-params.js';

export function MyReturnsPage() {
  const { filters, page, pageSize, update, setPage, setPageSize } = useListParams(['status', 'q'] as const);
  const status = (filters.status || undefined) as RmaStatus | undefined;
  const query = useRmas({ ...(status ? { status } : {}), ...(filters.q ? { q: filters.q } : {}), page, pageSize });
  return (
    <>
      <PageHeader title="My returns" subtitle="Every return requested for your account, newest first." />
      <section className="panel filters">
        <SearchBox
          label="Search returns"
          placeholder="RMA number, your reference, SKU or serial"
          initialValue={filters.q}
          onSearch={(q) => update({ q })}
        />
        <SelectField
          label="Status"
          value={filters.status}
          options={STATUS_OPTIONS}
          placeholder="Any status"
          onChange={(event) => update({ status: event.target.value })}
        />
      </section>
      <PagedResults
        query={query}
        loadingLabel="Loading your returns…"
        onPageChange={setPage}
        onPageSizeChange={setPageSize}
      >
        {(rows, isBusy) => (
          <ReturnsTable
            rows={rows}
            caption="My returns"
            showCustomer={false}
            isBusy={isBusy}
            emptyTitle={
              filters.q
                ? `No returns match “${filters.q}”`
                : status
                  ? 'No returns with this status'
                  : 'You have not requested any returns yet'
            }
          />
        )}
      </PagedResults>
    </>
  );
}
