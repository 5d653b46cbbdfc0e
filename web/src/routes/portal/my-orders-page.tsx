import { useOrders } from '../../api/orders.js';
import { useCurrentUser } from '../../auth/auth-context.js';
import { EmptyState } from '../../ui/empty-state.js';
import { Pagination } from '../../ui/pagination.js';
import { PageHeader } from '../../ui/page-header.js';
import { QueryView } from '../../ui/query-view.js';
import { SearchBox } from '../../ui/search-box.js';
import { OrdersTable } from '../orders/orders-table.js';
import { useListParams } from '../returns/use-list-params.js';

export function MyOrdersPage() {
  const user = useCurrentUser();
  const { filters, page, pageSize, update } = useListParams(['q'] as const);
  const query = useOrders(
    { customerId: user.customerId ?? undefined, q: filters.q || undefined, page, pageSize },
    { enabled: user.customerId !== null },
  );

  if (user.customerId === null) {
    return <EmptyState title="Your login is not linked to a customer account">Contact customer service.</EmptyState>;
  }
  return (
    <>
      <PageHeader title="My orders" subtitle="Open an order to request a return for some of its lines." />
      <section className="panel">
        <SearchBox
          label="Search orders"
          placeholder="Order number or your PO"
          initialValue={filters.q}
          onSearch={(q) => update({ q })}
        />
      </section>
      <QueryView query={query} loadingLabel="Loading your orders…">
        {(result) => (
          <section className="panel">
            <OrdersTable
              rows={result.items}
              basePath="/portal/orders"
              caption="My orders"
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
