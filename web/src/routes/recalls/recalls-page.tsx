import { Link } from 'react-router';
import type { RecallSummary } from '../../../../src/contracts/recalls.js';
import { useRecalls } from '../../api/recalls.js';
import { NEW_RECALL_PATH, recallPath, TRACE_PATH } from '../../auth/permissions.js';
import { DataTable, type Column } from '../../ui/data-table.js';
import { formatDateTime } from '../../ui/dates.js';
import { PageHeader } from '../../ui/page-header.js';
import { PagedResults } from '../../ui/paged-results.js';
import { useListParams } from '../returns/use-list-params.js';

const columns: Column<RecallSummary>[] = [
  {
    key: 'number',
    header: 'Recall',
    render: (recall) => <Link to={recallPath(recall.id)}>{recall.recallNumber}</Link>,
  },
  {
    key: 'product',
    header: 'Product',
    render: (recall) => (
      <>
        {recall.productSku ?? recall.productId}
        {recall.productName ? <span className="cell-sub">{recall.productName}</span> : null}
      </>
    ),
  },
  { key: 'lots', header: 'Lots', render: (recall) => recall.lots.join(', ') },
  { key: 'reason', header: 'Reason', render: (recall) => recall.reason },
  { key: 'rmas', header: 'Returns', render: (recall) => recall.rmaCount, align: 'right' },
  {
    key: 'raised',
    header: 'Raised',
    render: (recall) => (
      <>
        {formatDateTime(recall.createdAt)}
        <span className="cell-sub">by {recall.createdBy}</span>
      </>
    ),
  },
];

/** Every recall, newest first. */
export function RecallsPage() {
  const { page, pageSize, setPage, setPageSize } = useListParams([] as const);
  const query = useRecalls({ page, pageSize });
  return (
    <>
      <PageHeader
        title="Recalls"
        subtitle="Lots called back from every customer who received them: each recall raised one recall return per customer."
        actions={
          <>
            <Link className="button" to={TRACE_PATH}>
              Trace a lot
            </Link>
            <Link className="button button--primary" to={NEW_RECALL_PATH}>
              Raise a recall
            </Link>
          </>
        }
      />
      <PagedResults query={query} loadingLabel="Loading recalls…" onPageChange={setPage} onPageSizeChange={setPageSize}>
        {(rows, isBusy) => (
          <DataTable
            columns={columns}
            rows={rows}
            rowKey={(recall) => recall.id}
            caption="Recalls"
            isBusy={isBusy}
            emptyTitle="No recall has been raised"
          />
        )}
      </PagedResults>
    </>
  );
}
