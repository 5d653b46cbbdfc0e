import { useState } from 'react';
import { useNavigate } from 'react-router';
import { EmptyState } from '../../ui/empty-state.js';
import { PageHeader } from '../../ui/page-header.js';
import { QueryView } from '../../ui/query-view.js';
import { WORKLIST_LIMIT } from '../../api/approvals.js';
import { BulkApprove } from './bulk-approve.js';
import { WorklistTable } from './worklist-table.js';
import { WorklistFilters } from './worklist-filters.js';
import { useWorklist } from './use-worklist.js';

/** Returns waiting for a manager, worked as a list: oldest first, filtered, one after another or in bulk. */
export function ApprovalQueuePage() {
  const { filters, update, query, rows, search } = useWorklist();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const navigate = useNavigate();
  const currencies = [...new Set((query.data?.items ?? []).map((rma) => rma.currency))];
  const selectedRows = rows.filter((rma) => selected.has(rma.id));
  const first = rows[0];

  return (
    <>
      <PageHeader
        title="Approval queue"
        subtitle="Returns that policy routed to a manager, oldest first. Review them one after another, or approve several with one comment."
        actions={
          first ? (
            <button
              type="button"
              className="button button--primary"
              onClick={() => void navigate(`/approvals/${first.id}${search}`)}
            >
              Start reviewing
            </button>
          ) : null
        }
      />
      <section className="panel">
        <WorklistFilters filters={filters} currencies={currencies} onApply={(next) => update(next)} />
      </section>
      <QueryView query={query} loadingLabel="Loading the approval queue…">
        {(result) =>
          rows.length === 0 ? (
            <EmptyState title={result.total === 0 ? 'Nothing is waiting for approval' : 'No waiting return matches'}>
              {result.total === 0
                ? 'New requests that need a decision appear here.'
                : 'Change the filters to see more.'}
            </EmptyState>
          ) : (
            <section className="panel" aria-label="Returns waiting for approval">
              <p className="muted" role="status">
                {rows.length} waiting
                {result.total > WORKLIST_LIMIT ? ` (the first ${WORKLIST_LIMIT} of ${result.total} in this order)` : ''}
                .
              </p>
              <WorklistTable rows={rows} search={search} selected={selected} onSelectedChange={setSelected} />
              <BulkApprove
                rows={selectedRows}
                onDone={(approvedIds) =>
                  setSelected((current) => new Set([...current].filter((id) => !approvedIds.includes(id))))
                }
              />
            </section>
          )
        }
      </QueryView>
    </>
  );
}
