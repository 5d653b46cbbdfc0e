import { useNavigate } from 'react-router';
import { useOrders } from '../../api/orders.js';
import { useOpenOnEnter } from '../../ui/open-on-enter.js';
import { PageHeader } from '../../ui/page-header.js';
import { PagedResults } from '../../ui/paged-results.js';
import { SearchBox } from '../../ui/search-box.js';
import { OrdersTable } from '../orders/orders-table.js';
import { useListParams } from '../returns/use-list-params.js';

export function OrderSearchPage() {
  const { filters, page, pageSize, update, setPage, setPageSize } = useListParams(['q'] as const);
  const query = useOrders({ q: filters.q || undefined, page, pageSize });
  const navigate = useNavigate();
  // A scanned or typed code that finds exactly one order opens it on Enter.
  const answer =
    query.data && !query.isPlaceholderData
      ? { term: filters.q, matches: query.data.items, total: query.data.total }
      : null;
  const pressEnter = useOpenOnEnter(answer, (match) => void navigate(`/service/orders/${match.id}`));
  return (
    <>
      <PageHeader
        title="Orders"
        subtitle="Find an order by its number or the customer's PO, then raise a return for it."
      />
      <section className="panel">
        <SearchBox
          label="Search orders"
          placeholder="Order number, PO, SKU, serial or lot"
          initialValue={filters.q}
          onSearch={(q, how) => {
            update({ q });
            if (how.isEnter) pressEnter(q);
          }}
        />
      </section>
      <PagedResults query={query} loadingLabel="Loading orders…" onPageChange={setPage} onPageSizeChange={setPageSize}>
        {(rows, isBusy) => (
          <OrdersTable rows={rows} basePath="/service/orders" caption="Orders" showCustomer isBusy={isBusy} />
        )}
      </PagedResults>
    </>
  );
}
