import { useState } from 'react';
import { useSupplierClaims } from '../../api/supplier-claims.js';
import { useCurrentUser } from '../../auth/auth-context.js';
import { DataTable } from '../../ui/data-table.js';
import { PageHeader } from '../../ui/page-header.js';
import { PagedResults } from '../../ui/paged-results.js';
import { claimColumns } from './claim-columns.js';
import './claims.css';

const columns = claimColumns({ withSupplier: false });

/**
 * A supplier's own screen: the claims we sent it, open ones first (to acknowledge and answer, or
 * waiting for its credit note), then those paid or rejected. The server shows it no other
 * supplier's claims, and none of our books.
 */
export function SupplierClaimsPage() {
  const user = useCurrentUser();
  return (
    <>
      <PageHeader
        title="Claims"
        subtitle={`${user.name} · what we claim for the goods returned to you; open one to see its lines and evidence, acknowledge it and answer`}
      />
      <ClaimList isOpen title="Open" emptyTitle="No open claims: nothing is waiting for you." />
      <ClaimList isOpen={false} title="Closed" emptyTitle="No paid or rejected claims yet." />
    </>
  );
}

function ClaimList({ isOpen, title, emptyTitle }: { isOpen: boolean; title: string; emptyTitle: string }) {
  const [page, setPage] = useState(1);
  const query = useSupplierClaims({ open: isOpen ? 'true' : 'false', page, pageSize: 25 });
  const headingId = `supplier-claims-${isOpen ? 'open' : 'closed'}`;
  return (
    <section className="panel" aria-labelledby={headingId}>
      <div className="panel__header">
        <h2 id={headingId}>{title}</h2>
      </div>
      <PagedResults
        query={query}
        inPanel={false}
        loadingLabel={`Loading ${title.toLowerCase()} claims…`}
        paginationLabel={`${title} claims, pages`}
        onPageChange={setPage}
      >
        {(rows, isBusy) => (
          <DataTable
            columns={columns}
            rows={rows}
            rowKey={(claim) => claim.id}
            caption={`${title} claims`}
            emptyTitle={emptyTitle}
            isBusy={isBusy}
          />
        )}
      </PagedResults>
    </section>
  );
}
