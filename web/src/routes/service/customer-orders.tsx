import { useState } from 'react';
import { useOrders } from '../../api/orders.js';
import { PagedResults } from '../../ui/paged-results.js';
import { OrdersTable } from '../orders/orders-table.js';

export function CustomerOrders({ customerId }: { customerId: string }) {
  const [page, setPage] = useState(1);
  const query = useOrders({ customerId, page, pageSize: 10 });
  return (
    <section className="panel" aria-labelledby="customer-orders-title">
      <div className="panel__header">
        <h2 id="customer-orders-title">Orders</h2>
        <span className="muted">Open an order to create an RMA for it.</span>
      </div>
      <PagedResults
        query={query}
        loadingLabel="Loading orders…"
        inPanel={false}
        paginationLabel="Order pages"
        onPageChange={setPage}
      >
        {(rows, isBusy) => (
          <OrdersTable rows={rows} basePath="/service/orders" caption="Customer orders" isBusy={isBusy} />
        )}
      </PagedResults>
    </section>
  );
}
