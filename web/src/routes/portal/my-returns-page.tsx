import type { RmaStatus } from '../../../../src/contracts/returns.js';
import { useRmas } from '../../api/rmas.js';
import { SelectField } from '../../ui/field.js';
import { STATUS_OPTIONS } from '../../ui/options.js';
import { PageHeader } from '../../ui/page-header.js';
import { PagedResults } from '../../ui/paged-results.js';
import { ReturnsTable } from '../returns/returns-table.js';
import { useListParams } from '../returns/use-list-params.js';

export function MyReturnsPage() {
  const { filters, page, pageSize, update, setPage, setPageSize } = useListParams(['status'] as const);
  const status = (filters.status || undefined) as RmaStatus | undefined;
  const query = useRmas({ ...(status ? { status } : {}), page, pageSize });
  return (
    <>
      <PageHeader title="My returns" subtitle="Every return requested for your account, newest first." />
      <section className="panel filters">
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
            emptyTitle={status ? 'No returns with this status' : 'You have not requested any returns yet'}
          />
        )}
      </PagedResults>
    </>
  );
}
