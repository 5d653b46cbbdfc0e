import { useState } from 'react';
import { isStaffRma, useRmas } from '../../api/rmas.js';
import { EmptyState } from '../../ui/empty-state.js';
import { Pagination } from '../../ui/pagination.js';
import { PageHeader } from '../../ui/page-header.js';
import { QueryView } from '../../ui/query-view.js';
import { ApprovalQueueItem } from './approval-queue-item.js';

const PAGE_SIZE = 20;

export function ApprovalQueuePage() {
  const [page, setPage] = useState(1);
  const query = useRmas({ status: 'pending_approval', page, pageSize: PAGE_SIZE });
  return (
    <>
      <PageHeader
        title="Approval queue"
        subtitle="Returns that policy routed to a manager. Open one to see its verdict, then approve or reject it with a comment."
      />
      <QueryView query={query} loadingLabel="Loading the approval queue…">
        {(result) =>
          result.items.length === 0 ? (
            <EmptyState title="Nothing is waiting for approval">
              New requests that need a decision appear here.
            </EmptyState>
          ) : (
            <section className="panel" aria-label="Returns waiting for approval">
              <ul className="queue" aria-busy={query.isPlaceholderData}>
                {result.items.filter(isStaffRma).map((rma) => (
                  <ApprovalQueueItem key={rma.id} rma={rma} />
                ))}
              </ul>
              <Pagination page={result.page} pageSize={result.pageSize} total={result.total} onPageChange={setPage} />
            </section>
          )
        }
      </QueryView>
    </>
  );
}
