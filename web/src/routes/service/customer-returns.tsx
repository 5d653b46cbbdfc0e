import { useState } from 'react';
import { Link } from 'react-router';
import { useRmas } from '../../api/rmas.js';
import { PagedResults } from '../../ui/paged-results.js';
import { ReturnsTable } from '../returns/returns-table.js';

export function CustomerReturns({ customerId }: { customerId: string }) {
  const [page, setPage] = useState(1);
  const query = useRmas({ customerId, page, pageSize: 10 });
  return (
    <section className="panel" aria-labelledby="customer-returns-title">
      <div className="panel__header">
        <h2 id="customer-returns-title">Returns</h2>
        <Link to={`/returns?customerId=${encodeURIComponent(customerId)}`}>Search this customer&apos;s returns</Link>
      </div>
      <PagedResults
        query={query}
        loadingLabel="Loading returns…"
        inPanel={false}
        paginationLabel="Return pages"
        onPageChange={setPage}
      >
        {(rows, isBusy) => (
          <ReturnsTable
            rows={rows}
            caption="Customer returns"
            showCustomer={false}
            isBusy={isBusy}
            emptyTitle="This customer has no returns"
          />
        )}
      </PagedResults>
    </section>
  );
}
