import { Link } from 'react-router';
import type { ReceiptExceptionView } from '../../../../src/contracts/receiving.js';
import { useReceiptExceptions } from '../../api/receipts.js';
import { Badge } from '../../ui/badge.js';
import { DataTable, type Column } from '../../ui/data-table.js';
import { formatDateTime } from '../../ui/dates.js';
import { QueryView } from '../../ui/query-view.js';
import { EXCEPTION_KIND_LABELS, productLabel, RESOLVED_LABELS } from './receipt-labels.js';

const columns: Column<ReceiptExceptionView>[] = [
  { key: 'raised', header: 'Raised', render: (exception) => formatDateTime(exception.createdAt) },
  { key: 'kind', header: 'What', render: (exception) => EXCEPTION_KIND_LABELS[exception.kind] },
  { key: 'product', header: 'Product', render: productLabel },
  { key: 'quantity', header: 'Units', render: (exception) => exception.quantity, align: 'right' },
  { key: 'reason', header: 'Reason', render: (exception) => exception.reason },
  {
    key: 'status',
    header: 'Status',
    render: (exception) =>
      exception.resolution ? (
        <Badge tone="muted">{RESOLVED_LABELS[exception.resolution]}</Badge>
      ) : (
        <Badge tone="warning">Open</Badge>
      ),
  },
];

/** The exceptions receiving raised on this return: what is set aside, waiting for a decision. */
export function ReturnExceptionsPanel({ rmaId, queuePath }: { rmaId: string; queuePath: string }) {
  const query = useReceiptExceptions({ rmaId, page: 1, pageSize: 100 });
  return (
    <section className="panel" aria-labelledby="return-exceptions-heading">
      <div className="panel__header">
        <h2 id="return-exceptions-heading">Exceptions on this return</h2>
        <Link to={queuePath}>Open the exception queue</Link>
      </div>
      <QueryView query={query} loadingLabel="Loading exceptions…">
        {(page) => (
          <DataTable
            columns={columns}
            rows={page.items}
            rowKey={(exception) => exception.id}
            caption="Exceptions on this return"
            emptyTitle="No exceptions: everything received matched the return"
          />
        )}
      </QueryView>
    </section>
  );
}
