import { useState } from 'react';
import { Link } from 'react-router';
import type { UnitWhereabouts } from '../../../../src/contracts/inventory.js';
import { findReturnByNumber } from '../../api/receipts.js';
import { useUnitWhereabouts, type UnitsLookup } from '../../api/stock.js';
import { Alert } from '../../ui/alert.js';
import { DataTable, type Column } from '../../ui/data-table.js';
import { formatDateTime } from '../../ui/dates.js';
import { humanize } from '../../ui/labels.js';
import { PageHeader } from '../../ui/page-header.js';
import { QueryView } from '../../ui/query-view.js';
import { SearchBox } from '../../ui/search-box.js';
import { useCurrentUser } from '../../auth/auth-context.js';
import { canMoveStock } from '../../auth/permissions.js';
import { MoveStockDialog } from './move-stock-dialog.js';

type Unit = UnitWhereabouts['units'][number];
type Movement = UnitWhereabouts['movements'][number];

const unitColumns: Column<Unit>[] = [
  { key: 'product', header: 'Product', render: (unit) => unit.productSku ?? unit.productId },
  { key: 'serial', header: 'Serial', render: (unit) => unit.serial ?? '—' },
  { key: 'lot', header: 'Lot', render: (unit) => unit.lot ?? '—' },
  { key: 'site', header: 'Site', render: (unit) => unit.siteCode ?? unit.siteId },
  { key: 'location', header: 'Location', render: (unit) => unit.locationCode },
  { key: 'status', header: 'Status', render: (unit) => humanize(unit.status) },
  { key: 'quantity', header: 'Units', render: (unit) => unit.quantity, align: 'right' },
  {
    key: 'return',
    header: 'Return',
    render: (unit) => (unit.rmaId ? <Link to={`/returns/${unit.rmaId}`}>Open</Link> : '—'),
  },
];

const place = (end: Movement['from']) => (end ? `${end.locationCode} · ${humanize(end.status)}` : '—');

const movementColumns: Column<Movement>[] = [
  { key: 'when', header: 'When', render: (movement) => formatDateTime(movement.movedAt) },
  { key: 'what', header: 'Movement', render: (movement) => humanize(movement.kind) },
  { key: 'from', header: 'From', render: (movement) => place(movement.from) },
  { key: 'to', header: 'To', render: (movement) => place(movement.to) },
  { key: 'units', header: 'Units', render: (movement) => movement.quantity, align: 'right' },
  { key: 'serial', header: 'Serial', render: (movement) => movement.serial ?? '—' },
  { key: 'why', header: 'Why', render: (movement) => movement.reason },
  { key: 'who', header: 'By', render: (movement) => movement.movedBy },
];

/** "Where is this unit?": a serial number or a return's RMA number, answered from stock and its movements. */
export function StockLookupPage() {
  const user = useCurrentUser();
  const [moving, setMoving] = useState<Unit | null>(null);
  const columns: Column<Unit>[] = canMoveStock(user.role)
    ? [
        ...unitColumns,
        {
          key: 'actions',
          header: 'Actions',
          render: (unit) => (
            <button type="button" className="button" onClick={() => setMoving(unit)}>
              Move
              <span className="visually-hidden">
                {' '}
                {unit.productSku}
                {unit.serial ? ` serial ${unit.serial}` : ''}
              </span>
            </button>
          ),
        },
      ]
    : unitColumns;
  const [lookup, setLookup] = useState<UnitsLookup | null>(null);
  const [notFound, setNotFound] = useState<string | null>(null);
  const query = useUnitWhereabouts(lookup);

  async function search(text: string) {
    const term = text.trim();
    setNotFound(null);
    if (term === '') return setLookup(null);
    if (/^RMA-\d+$/i.test(term)) {
      const rma = await findReturnByNumber(term);
      if (!rma) {
        setLookup(null);
        setNotFound(`No return has the number ${term.toUpperCase()}.`);
        return;
      }
      setLookup({ rmaId: rma.id });
    } else setLookup({ serial: term });
  }

  return (
    <>
      <PageHeader
        title="Where is this unit?"
        subtitle="Scan or type a serial number, or a return's RMA number, to see where its units are and how they got there."
      />
      <section className="panel">
        <SearchBox
          label="Serial or RMA number"
          placeholder="e.g. SN-48213 or RMA-0000123"
          initialValue=""
          onSearch={(text) => void search(text)}
        />
      </section>
      {notFound ? <Alert tone="warning">{notFound}</Alert> : null}
      {lookup ? (
        <QueryView query={query} loadingLabel="Looking up the units…" errorTitle="Could not look up the units">
          {(answer) => (
            <>
              <section className="panel" aria-labelledby="units-title">
                <h2 id="units-title">On hand</h2>
                <DataTable
                  columns={columns}
                  rows={answer.units}
                  rowKey={(unit) =>
                    `${unit.locationId}:${unit.status}:${unit.serial ?? ''}:${unit.lot ?? ''}:${unit.rmaLineId ?? ''}`
                  }
                  caption="Units on hand"
                  emptyTitle="No unit of this is in stock"
                />
                {answer.unitsLeft > 0 ? (
                  <p className="muted">{answer.unitsLeft} unit(s) have left stock (see the movements).</p>
                ) : null}
              </section>
              <section className="panel" aria-labelledby="movements-title">
                <h2 id="movements-title">Movements</h2>
                <DataTable
                  columns={movementColumns}
                  rows={answer.movements}
                  rowKey={(movement) => movement.id}
                  caption="Stock movements, oldest first"
                  emptyTitle="No movement yet"
                />
              </section>
            </>
          )}
        </QueryView>
      ) : null}
      {moving ? (
        <MoveStockDialog
          units={moving}
          title={`Move ${moving.productSku ?? 'units'}`}
          defaultReason=""
          onClose={() => setMoving(null)}
        />
      ) : null}
    </>
  );
}
