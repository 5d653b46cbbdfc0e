import { Link, useParams } from 'react-router';
import { useOrder, type Order } from '../../api/orders.js';
import { formatDate } from '../../ui/dates.js';
import { humanize } from '../../ui/labels.js';
import { PageHeader } from '../../ui/page-header.js';
import { QueryView } from '../../ui/query-view.js';
import { returnableQuantity } from '../returns/return-draft.js';
import { OrderLinesTable } from './order-lines-table.js';

/** One sales order and its lines, with the way into a return request. */
export function OrderPage({
  basePath,
  backLabel,
  requestLabel,
}: {
  basePath: string;
  backLabel: string;
  requestLabel: string;
}) {
  const { orderId = '' } = useParams();
  const query = useOrder(orderId);
  return (
    <QueryView query={query} loadingLabel="Loading the order…" errorTitle="Could not load this order">
      {(order) => <OrderView order={order} basePath={basePath} backLabel={backLabel} requestLabel={requestLabel} />}
    </QueryView>
  );
}

function OrderView({
  order,
  basePath,
  backLabel,
  requestLabel,
}: {
  order: Order;
  basePath: string;
  backLabel: string;
  requestLabel: string;
}) {
  const hasReturnable = order.lines.some((line) => returnableQuantity(line) > 0);
  return (
    <>
      <PageHeader
        back={{ to: basePath, label: backLabel }}
        title={`Order ${order.orderNumber}`}
        subtitle={`${order.customerName} · ordered ${formatDate(order.orderDate)}${order.customerPo ? ` · PO ${order.customerPo}` : ''} · ${humanize(order.channel)}`}
        actions={
          hasReturnable ? (
            <Link to={`${basePath}/${order.id}/return`} className="button button--primary">
              {requestLabel}
            </Link>
          ) : (
            <span className="muted">Everything on this order has been returned or requested.</span>
          )
        }
      />
      <section className="panel" aria-label="Order lines">
        <OrderLinesTable order={order} />
      </section>
    </>
  );
}
