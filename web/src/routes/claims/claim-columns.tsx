import type { SupplierClaimLine, SupplierClaimView } from '../../api/supplier-claims.js';
import type { Column } from '../../ui/data-table.js';
import { formatDate } from '../../ui/dates.js';
import { ClaimLink, ClaimStatusBadge, daysLabel, money, moneyOrDash, supplierOf } from './claim-labels.js';

/** The returns a claim's lines came from, by number. */
const returnsOf = (claim: SupplierClaimView) => {
  const lines: readonly SupplierClaimLine[] = claim.lines;
  return [...new Set(lines.map((line) => line.rmaNumber ?? line.rmaId ?? '—'))].join(', ');
};

/** The claim lists' columns; a supplier's own list leaves out the supplier. */
export function claimColumns({ withSupplier }: { withSupplier: boolean }): Column<SupplierClaimView>[] {
  const columns: Column<SupplierClaimView>[] = [
    {
      key: 'claim',
      header: 'Claim',
      render: (claim) => (
        <>
          <ClaimLink claim={claim} />
          <span className="cell-sub">Submitted {formatDate(claim.submittedAt)}</span>
        </>
      ),
    },
  ];
  if (withSupplier) columns.push({ key: 'supplier', header: 'Supplier', render: supplierOf });
  columns.push(
    {
      key: 'vendorReturn',
      header: 'Vendor return',
      render: (claim) => (
        <>
          {claim.vendorReturnNumber ?? claim.vendorReturnId}
          {claim.supplierReference ? <span className="cell-sub">Supplier ref. {claim.supplierReference}</span> : null}
        </>
      ),
    },
    { key: 'returns', header: 'Returns', render: returnsOf },
    {
      key: 'claimed',
      header: 'Claimed',
      align: 'right',
      render: (claim) => money(claim.claimedMinor, claim.currency),
    },
    {
      key: 'accepted',
      header: 'Accepted',
      align: 'right',
      render: (claim) => moneyOrDash(claim.acceptedMinor, claim.currency),
    },
    { key: 'paid', header: 'Paid', align: 'right', render: (claim) => moneyOrDash(claim.paidMinor, claim.currency) },
    { key: 'age', header: 'Age', align: 'right', render: (claim) => daysLabel(claim.ageDays) },
    { key: 'status', header: 'Status', render: (claim) => <ClaimStatusBadge status={claim.status} /> },
  );
  return columns;
}
