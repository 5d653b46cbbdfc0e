import { useState } from 'react';
import { useLiquidationLots, type LiquidationLot } from '../../api/operations.js';
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
import { SellLotDialog } from './sell-lot-dialog.js';
import './operations.css';

type Line = LiquidationLot['lines'][number];

const STATUS_OPTIONS = [
  { value: '', label: 'Open (to sell)' },
  { value: 'sold', label: 'Sold' },
  { value: 'all', label: 'All' },
];

/** Goods for the secondary channel, gathered per site into lots that are sold whole to a buyer. */
export function LiquidationLotsPage() {
  const user = useCurrentUser();
  const { filters, page, pageSize, update, setPage, setPageSize } = useListParams(['status', 'siteId'] as const, 25);
  const status = filters.status || 'open';
  const query = useLiquidationLots({ status: status === 'all' ? '' : status, siteId: filters.siteId, page, pageSize });
  const [selling, setSelling] = useState<LiquidationLot | null>(null);
  const maySell = canShipDispositions(user.role);

  return (
    <>
      <PageHeader
        back={{ to: '/operations', label: 'Operations' }}
        title="Liquidation lots"
        subtitle="Goods for the outlet and liquidators, gathered per site into lots valued at their grade, and sold whole."
      />
      <OperationsTabs />
      <ListFilters
        label="Filter the liquidation lots"
        status={filters.status}
        statusOptions={STATUS_OPTIONS}
        siteId={filters.siteId}
        onChange={update}
      />
      <PagedResults
        query={query}
        inPanel={false}
        loadingLabel="Loading lots…"
        onPageChange={setPage}
        onPageSizeChange={setPageSize}
      >
        {(lots) =>
          lots.length === 0 ? (
            <section className="panel">
              <EmptyState title={status === 'open' ? 'No lot waits to be sold' : 'No lots match'} />
            </section>
          ) : (
            lots.map((lot) => (
              <LotDocument
                key={lot.id}
                lot={lot}
                onSell={maySell && lot.status === 'open' ? () => setSelling(lot) : null}
              />
            ))
          )
        }
      </PagedResults>
      {selling ? <SellLotDialog lot={selling} onClose={() => setSelling(null)} /> : null}
    </>
  );
}

function LotDocument({ lot, onSell }: { lot: LiquidationLot; onSell: (() => void) | null }) {
  const titleId = `lot-${lot.id}`;
  const columns: Column<Line>[] = [
    { key: 'rma', header: 'Return', render: (line) => <ReturnLink unit={line} /> },
    { key: 'unit', header: 'Unit', render: (line) => <UnitCell unit={line} /> },
    { key: 'grade', header: 'Grade', render: (line) => line.grade },
    {
      key: 'value',
      header: 'Value per unit',
      align: 'right',
      render: (line) => formatMoney(line.unitValueMinor, lot.currency),
    },
  ];
  return (
    <section className="panel ops-document" aria-labelledby={titleId}>
      <div className="ops-document__header">
        <h2 id={titleId}>{lot.lotNumber}</h2>
        <span className="muted">{lot.siteCode ?? ''}</span>
        <StateBadge state={lot.status} />
        <span>
          {plural(lot.units, 'unit')} · valued {formatMoney(lot.valueMinor, lot.currency)}
        </span>
        {onSell ? (
          <span className="ops-document__actions">
            <button type="button" className="button button--primary button--small" onClick={onSell}>
              Sell<span className="visually-hidden"> {lot.lotNumber}</span>
            </button>
          </span>
        ) : null}
      </div>
      {lot.status === 'sold' ? (
        <p className="muted">
          Sold {formatDateTime(lot.soldAt)} to {lot.buyer}
          {lot.proceedsMinor === null ? '' : ` for ${formatMoney(lot.proceedsMinor, lot.currency)}`}
        </p>
      ) : null}
      <DataTable
        columns={columns}
        rows={lot.lines}
        rowKey={(line) => line.id}
        caption={`Lines of ${lot.lotNumber}`}
        emptyTitle="No lines"
      />
    </section>
  );
}
