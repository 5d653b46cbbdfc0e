import { useOrders } from '../../api/orders.js';
import { useCurrentUser } from '../../auth/auth-context.js';
import { EmptyState } from '../../ui/empty-state.js';
import { PageHeader } from '../../ui/page-header.js';
import { PagedResults } from '../../ui/paged-results.js';
import { SearchBox } from '../../ui/search-box.js';
import { OrdersTable } from '../orders/orders-table.js';
import { useListParams } from '../returns/use-list-params.js';

export function MyOrdersPage() {
  const user = useCurrentUser();
  const { filters, page, pageSize, update, setPage, setPageSize } = useListParams(['q'] as const);
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
      <PagedResults
        query={query}
        loadingLabel="Loading your orders…"
        onPageChange={setPage}
        onPageSizeChange={setPageSize}
      >
        {(rows, isBusy) => <OrdersTable rows={rows} basePath="/portal/orders" caption="My orders" isBusy={isBusy} />}
      </PagedResults>
    </>
  );
}
