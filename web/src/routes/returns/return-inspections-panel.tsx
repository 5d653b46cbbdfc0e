import { Link } from 'react-router';
import { CLAIM_VERDICTS, type ClaimVerdict } from '../../../../src/contracts/inspection-vocabulary.js';
import type { RmaView } from '../../../../src/contracts/returns.js';
import { useReturnDispositions } from '../../api/dispositions.js';
import { useReturnInspections, type ReturnInspection } from '../../api/inspections.js';
import { isStaffRma } from '../../api/rmas.js';
import { useCurrentUser } from '../../auth/auth-context.js';
import { INSPECTION_ROLES, inspectionPagePath, TRACE_ROLES, tracePath } from '../../auth/permissions.js';
import { DataTable, type Column } from '../../ui/data-table.js';
import { InspectionStatusBadge, serialOrLot, VerdictBadge } from '../quality/inspection-labels.js';

const isVerdict = (value: string | null): value is ClaimVerdict =>
  value !== null && (CLAIM_VERDICTS as readonly string[]).includes(value);

/** Staff: the return's inspections — how each unit was found and what was done with it. */
export function ReturnInspectionsPanel({ rma }: { rma: RmaView }) {
  const user = useCurrentUser();
  if (!isStaffRma(rma) || !INSPECTION_ROLES.includes(user.role)) return null;
  return <InspectionsOfReturn rmaId={rma.id} />;
}

function InspectionsOfReturn({ rmaId }: { rmaId: string }) {
  const user = useCurrentUser();
  const inspections = useReturnInspections(rmaId);
  const items = inspections.data?.items ?? [];
  const dispositions = useReturnDispositions(
    rmaId,
    items.some((item) => item.status === 'completed'),
  );
  // Nothing received yet means nothing to inspect: the panel waits until there is.
  if (items.length === 0) return null;
  const dispositionOf = (id: string) => dispositions.data?.items.find((item) => item.inspectionId === id);
  const columns: Column<ReturnInspection>[] = [
    {
      key: 'unit',
      header: 'Inspection',
      render: (item) => (
        <>
          <Link to={inspectionPagePath(item.id)}>
            {item.lineNumber === null ? 'Inspection' : `Line ${item.lineNumber}`} · {item.productSku ?? item.productId}
          </Link>
          <span className="cell-sub">
            {(item.serial || item.lot) && TRACE_ROLES.includes(user.role) ? (
              // Where this serial or lot has been, and where it is now.
              <Link
                to={tracePath({
                  serial: item.serial || undefined,
                  lot: item.lot || undefined,
                  productId: item.productId,
                })}
              >
                {serialOrLot(item)}
              </Link>
            ) : (
              (serialOrLot(item) ?? item.siteCode)
            )}
          </span>
        </>
      ),
    },
    { key: 'quantity', header: 'Units', render: (item) => item.quantity, align: 'right' },
    { key: 'status', header: 'Status', render: (item) => <InspectionStatusBadge status={item.status} /> },
    { key: 'grade', header: 'Grade', render: (item) => item.grade ?? '—' },
    {
      key: 'verdict',
      header: 'Claim',
      render: (item) => (isVerdict(item.claimVerdict) ? <VerdictBadge verdict={item.claimVerdict} /> : '—'),
    },
    { key: 'disposition', header: 'Disposition', render: (item) => dispositionOf(item.id)?.code ?? '—' },
    { key: 'by', header: 'Inspected by', render: (item) => item.inspectedBy ?? item.assignedTo ?? '—' },
  ];
  return (
    <section className="panel" aria-labelledby="return-inspections-title">
      <h2 id="return-inspections-title">Inspections</h2>
      <DataTable columns={columns} rows={items} rowKey={(item) => item.id} caption="Inspections of this return" />
    </section>
  );
}
