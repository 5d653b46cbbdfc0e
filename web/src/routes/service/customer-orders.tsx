import { useState } from 'react';
import { useOrders } from '../../api/orders.js';
import { Pagination } from '../../ui/pagination.js';
import { QueryView } from '../../ui/query-view.js';
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
      <QueryView query={query} loadingLabel="Loading orders…">
        {(result) => (
          <>
            <OrdersTable
              rows={result.items}
              basePath="/service/orders"
              caption="Customer orders"
              isBusy={query.isPlaceholderData}
            />
            <Pagination
              page={result.page}
              pageSize={result.pageSize}
              total={result.total}
              onPageChange={setPage}
              label="Order pages"
            />
          </>
        )}
      </QueryView>
    </section>
  );
}
