import { useOrders } from '../../api/orders.js';
import { Pagination } from '../../ui/pagination.js';
import { PageHeader } from '../../ui/page-header.js';
import { QueryView } from '../../ui/query-view.js';
import { SearchBox } from '../../ui/search-box.js';
import { OrdersTable } from '../orders/orders-table.js';
import { useListParams } from '../returns/use-list-params.js';

export function OrderSearchPage() {
  const { filters, page, pageSize, update } = useListParams(['q'] as const);
  const query = useOrders({ q: filters.q || undefined, page, pageSize });
  return (
    <>
      <PageHeader
        title="Orders"
        subtitle="Find an order by its number or the customer's PO, then raise a return for it."
      />
      <section className="panel">
        <SearchBox
          label="Search orders"
          placeholder="Order number or customer PO"
          initialValue={filters.q}
          onSearch={(q) => update({ q })}
        />
      </section>
      <QueryView query={query} loadingLabel="Loading orders…">
        {(result) => (
          <section className="panel">
            <OrdersTable
              rows={result.items}
              basePath="/service/orders"
              caption="Orders"
              showCustomer
              isBusy={query.isPlaceholderData}
            />
            <Pagination
              page={result.page}
              pageSize={result.pageSize}
              total={result.total}
              onPageChange={(next) => update({ page: next })}
              onPageSizeChange={(size) => update({ pageSize: size })}
            />
          </section>
        )}
      </QueryView>
    </>
  );
}
