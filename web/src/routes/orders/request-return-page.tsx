import { useParams } from 'react-router';
import type { ReturnType } from '../../../../src/contracts/returns.js';
import { useOrder } from '../../api/orders.js';
import { useCurrentUser } from '../../auth/auth-context.js';
import { PageHeader } from '../../ui/page-header.js';
import { QueryView } from '../../ui/query-view.js';
import { ReturnRequestForm } from '../returns/return-request-form.js';

// Customers do not pick a type: it follows from the goods (and whether it is a warranty claim).
// Staff may override it.
const STAFF_RETURN_TYPES: readonly ReturnType[] = ['standard', 'warranty', 'serialized', 'regulated', 'stock_rotation'];

/** The return request for one order: the customer's own, or raised by customer service on their behalf. */
export function RequestReturnPage({ basePath }: { basePath: string }) {
  const { orderId = '' } = useParams();
  const user = useCurrentUser();
  const query = useOrder(orderId);
  const isCustomer = user.role === 'customer';
  return (
    <QueryView query={query} loadingLabel="Loading the order…" errorTitle="Could not load this order">
      {(order) => (
        <>
          <PageHeader
            back={{ to: `${basePath}/${order.id}`, label: `Order ${order.orderNumber}` }}
            title={isCustomer ? 'Request a return' : `Create an RMA for ${order.customerName}`}
            subtitle={`Order ${order.orderNumber}${order.customerPo ? ` · PO ${order.customerPo}` : ''}`}
          />
          <ReturnRequestForm
            order={order}
            customerId={order.customerId}
            overrideTypes={isCustomer ? null : STAFF_RETURN_TYPES}
          />
        </>
      )}
    </QueryView>
  );
}
