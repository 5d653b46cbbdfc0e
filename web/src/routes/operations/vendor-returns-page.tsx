import { useState } from 'react';
import { useVendorReturns, type VendorReturn } from '../../api/operations.js';
import { useCurrentUser } from '../../auth/auth-context.js';
import { canShipDispositions } from '../../auth/permissions.js';
import { DataTable, type Column } from '../../ui/data-table.js';
import { formatDateTime } from '../../ui/dates.js';
import { EmptyState } from '../../ui/empty-state.js';
import { formatMoney } from '../../ui/money.js';
import { PageHeader } from '../../ui/page-header.js';
import { PagedResults } from '../../ui/paged-results.js';
import { useListParams } from '../returns/use-list-params.js';
import { ListFilters } from './list-filters.js';
import { OperationsTabs } from './operations-tabs.js';
import { plural, ReturnLink, StateBadge, UnitCell } from './operations-labels.js';
import { ShipVendorReturnDialog } from './ship-vendor-return-dialog.js';
import './operations.css';

type Line = VendorReturn['lines'][number];

const STATUS_OPTIONS = [
  { value: '', label: 'Open (to ship)' },
  { value: 'shipped', label: 'Shipped' },
  { value: 'all', label: 'All' },
];

/** One document per supplier and site, open until shipped; each line with the inspection's evidence. */
export function VendorReturnsPage() {
  const user = useCurrentUser();
  const { filters, page, pageSize, update, setPage, setPageSize } = useListParams(['status', 'siteId'] as const, 25);
  const status = filters.status || 'open';
  const query = useVendorReturns({
    status: status === 'all' ? '' : status,
    siteId: filters.siteId,
    page,
    pageSize,
  });
  const [shipping, setShipping] = useState<VendorReturn | null>(null);
  const mayShip = canShipDispositions(user.role);

  return (
    <>
      <PageHeader
        back={{ to: '/operations', label: 'Operations' }}
        title="Vendor returns"
        subtitle="Goods going back to their supplier for credit or repair: one document per supplier and site, with the inspection’s evidence for each line."
      />
      <OperationsTabs />
      <ListFilters
        label="Filter the vendor returns"
        status={filters.status}
        statusOptions={STATUS_OPTIONS}
        siteId={filters.siteId}
        onChange={update}
      />
      <PagedResults
        query={query}
        inPanel={false}
        loadingLabel="Loading vendor returns…"
        onPageChange={setPage}
        onPageSizeChange={setPageSize}
      >
        {(documents) =>
          documents.length === 0 ? (
            <section className="panel">
              <EmptyState
                title={status === 'open' ? 'Nothing waits to go back to a supplier' : 'No vendor returns match'}
              />
            </section>
          ) : (
            documents.map((document) => (
              <VendorReturnDocument
                key={document.id}
                document={document}
                onShip={mayShip && document.status === 'open' ? () => setShipping(document) : null}
              />
            ))
          )
        }
      </PagedResults>
      {shipping ? <ShipVendorReturnDialog document={shipping} onClose={() => setShipping(null)} /> : null}
    </>
  );
}

function VendorReturnDocument({ document, onShip }: { document: VendorReturn; onShip: (() => void) | null }) {
  const titleId = `vendor-return-${document.id}`;
  const supplier = [document.supplierCode, document.supplierName].filter(Boolean).join(' · ') || document.supplierId;
  const columns: Column<Line>[] = [
    { key: 'rma', header: 'Return', render: (line) => <ReturnLink unit={line} /> },
    { key: 'unit', header: 'Unit', render: (line) => <UnitCell unit={line} /> },
    { key: 'reason', header: 'Reason', render: (line) => line.reasonCode },
    { key: 'grade', header: 'Grade', render: (line) => line.grade },
    { key: 'evidence', header: 'Evidence', render: (line) => <Evidence line={line} /> },
    {
      key: 'cost',
      header: 'Unit cost',
      align: 'right',
      render: (line) => formatMoney(line.unitCostMinor, line.currency),
    },
  ];
  return (
    <section className="panel ops-document" aria-labelledby={titleId}>
      <div className="ops-document__header">
        <h2 id={titleId}>{document.vendorReturnNumber}</h2>
        <span>{supplier}</span>
        <span className="muted">{document.siteCode ?? ''}</span>
        <StateBadge state={document.status} />
        <span>
          {plural(document.units, 'unit')}
          {document.currency ? ` · ${formatMoney(document.valueMinor, document.currency)}` : ''}
        </span>
        {onShip ? (
          <span className="ops-document__actions">
            <button type="button" className="button button--primary button--small" onClick={onShip}>
              Ship<span className="visually-hidden"> {document.vendorReturnNumber}</span>
            </button>
          </span>
        ) : null}
      </div>
      {document.status === 'shipped' ? (
        <p className="muted">
          Shipped {formatDateTime(document.shippedAt)}
          {document.shippedBy ? ` by ${document.shippedBy}` : ''} · carrier reference {document.carrierReference}
          {document.supplierAuthorization ? ` · supplier authorization ${document.supplierAuthorization}` : ''}
        </p>
      ) : document.supplierAuthorization ? (
        <p className="muted">Supplier authorization {document.supplierAuthorization}</p>
      ) : null}
      <DataTable
        columns={columns}
        rows={document.lines}
        rowKey={(line) => line.id}
        caption={`Lines of ${document.vendorReturnNumber}`}
        emptyTitle="No lines"
      />
    </section>
  );
}

/** What the supplier is shown: the defects, what inspection found, and how many photos back it. */
function Evidence({ line }: { line: Line }) {
  const { evidence } = line;
  const parts = [
    evidence.defectCodes.length > 0 ? evidence.defectCodes.join(', ') : null,
    evidence.noFaultFound ? 'No fault found' : null,
    plural(evidence.photos.length, 'photo'),
  ].filter(Boolean);
  return (
    <>
      {parts.join(' · ')}
      {evidence.findings ? <span className="cell-sub ops-evidence">{evidence.findings}</span> : null}
    </>
  );
}
