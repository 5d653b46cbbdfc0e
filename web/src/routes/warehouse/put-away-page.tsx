import { useState } from 'react';
import { Link } from 'react-router';
import type { StockBalance } from '../../../../src/contracts/inventory.js';
import type { Site } from '../../../../src/contracts/masterdata.js';
import { startingSiteId, useSites } from '../../api/sites.js';
import { useSiteLocations, useStockAt } from '../../api/stock.js';
import { useCurrentUser } from '../../auth/auth-context.js';
import { DataTable, type Column } from '../../ui/data-table.js';
import { EmptyState } from '../../ui/empty-state.js';
import { SelectField } from '../../ui/field.js';
import { humanize } from '../../ui/labels.js';
import { PageHeader } from '../../ui/page-header.js';
import { QueryView } from '../../ui/query-view.js';
import { MoveStockDialog } from './move-stock-dialog.js';

/** Put-away: what lies in a site's receiving and dock lanes, moved to where it belongs next. */
export function PutAwayPage() {
  const sites = useSites();
  return (
    <QueryView query={sites} loadingLabel="Loading sites…" errorTitle="Could not load the sites">
      {(page) => (
        <PutAwayView sites={page.items.filter((site) => site.isActive && site.capabilities.includes('receiving'))} />
      )}
    </QueryView>
  );
}

function PutAwayView({ sites }: { sites: Site[] }) {
  const user = useCurrentUser();
  const [siteId, setSiteId] = useState(() => startingSiteId(sites, user.siteId));
  const locations = useSiteLocations(siteId);
  const lanes = (locations.data?.items ?? []).filter(
    (location) => location.isActive && (location.kind === 'receiving' || location.kind === 'dock'),
  );
  return (
    <>
      <PageHeader
        title="Put away"
        subtitle="Units waiting in the receiving and dock lanes: move each to its bay, bench or bin. Every move is recorded with who made it."
      />
      <section className="panel">
        <SelectField
          label="Site"
          value={siteId}
          placeholder="Choose a site"
          options={sites.map((site) => ({ value: site.id, label: `${site.code} · ${site.name}` }))}
          onChange={(event) => setSiteId(event.target.value)}
        />
      </section>
      {siteId === '' ? (
        <EmptyState title="Choose a site to see what waits to be put away" />
      ) : locations.isPending ? null : lanes.length === 0 ? (
        <EmptyState title="Nothing has been received at this site yet" />
      ) : (
        lanes.map((lane) => (
          <LaneStock key={lane.id} siteId={siteId} locationId={lane.id} title={`${lane.code} · ${lane.name}`} />
        ))
      )}
    </>
  );
}

function LaneStock({ siteId, locationId, title }: { siteId: string; locationId: string; title: string }) {
  const stock = useStockAt(siteId, locationId);
  const [moving, setMoving] = useState<StockBalance | null>(null);
  const columns: Column<StockBalance>[] = [
    {
      key: 'product',
      header: 'Product',
      render: (row) => `${row.productSku ?? row.productId} ${row.productName ?? ''}`,
    },
    { key: 'serial', header: 'Serial', render: (row) => row.serial ?? '—' },
    { key: 'lot', header: 'Lot', render: (row) => row.lot ?? '—' },
    { key: 'status', header: 'Status', render: (row) => humanize(row.status) },
    { key: 'units', header: 'Units', render: (row) => row.quantity, align: 'right' },
    {
      key: 'actions',
      header: 'Actions',
      render: (row) => (
        <button type="button" className="button" onClick={() => setMoving(row)}>
          Put away
          <span className="visually-hidden">
            {' '}
            {row.productSku}
            {row.serial ? ` serial ${row.serial}` : ''}
          </span>
        </button>
      ),
    },
  ];
  return (
    <section className="panel" aria-label={title}>
      <h2>{title}</h2>
      <QueryView query={stock} loadingLabel="Loading the lane…" errorTitle="Could not load this lane">
        {(page) => (
          <>
            <DataTable
              columns={columns}
              rows={page.items}
              rowKey={(row) => `${row.productId}:${row.status}:${row.lot ?? ''}:${row.serial ?? ''}`}
              caption={`Units at ${title}`}
              emptyTitle="Nothing waits here"
            />
            {page.total > page.items.length ? (
              <p className="muted">
                Showing {page.items.length} of {page.total}; see <Link to="/warehouse/stock">stock</Link> for the rest.
              </p>
            ) : null}
          </>
        )}
      </QueryView>
      {moving ? (
        <MoveStockDialog
          units={moving}
          title={`Put away ${moving.productSku ?? ''}`.trim()}
          defaultReason="Put away"
          onClose={() => setMoving(null)}
        />
      ) : null}
    </section>
  );
}
