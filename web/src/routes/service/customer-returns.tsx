import { useState } from 'react';
import { Link } from 'react-router';
import { useRmas } from '../../api/rmas.js';
import { Pagination } from '../../ui/pagination.js';
import { QueryView } from '../../ui/query-view.js';
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
      <QueryView query={query} loadingLabel="Loading returns…">
        {(result) => (
          <>
            <ReturnsTable
              rows={result.items}
              caption="Customer returns"
              showCustomer={false}
              isBusy={query.isPlaceholderData}
              emptyTitle="This customer has no returns"
            />
            <Pagination
              page={result.page}
              pageSize={result.pageSize}
              total={result.total}
              onPageChange={setPage}
              label="Return pages"
            />
          </>
        )}
      </QueryView>
    </section>
  );
}
