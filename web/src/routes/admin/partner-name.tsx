import type { Role } from '../../../../src/contracts/common.js';
import { usePartners } from '../../api/partners.js';
import { useSuppliers } from '../../api/suppliers.js';

/**
 * The partner's name once loaded — a supplier's for role 'supplier', a repair partner's or a
 * carrier's otherwise; its id meanwhile, or if it cannot be read.
 */
export function PartnerName({ id, role }: { id: string; role: Role }) {
  return role === 'supplier' ? <SupplierName id={id} /> : <PartnerOrganisationName id={id} />;
}

function PartnerOrganisationName({ id }: { id: string }) {
  const partners = usePartners();
  const partner = partners.data?.items.find((candidate) => candidate.id === id);
  if (!partner) return <span title={partners.isError ? 'The partner could not be loaded' : undefined}>{id}</span>;
  return (
    <>
      {partner.name}
      <span className="cell-sub">
        {partner.code} · {partner.kind === 'carrier' ? 'carrier' : 'repair partner'}
      </span>
    </>
  );
}

function SupplierName({ id }: { id: string }) {
  const suppliers = useSuppliers();
  const supplier = suppliers.data?.items.find((candidate) => candidate.id === id);
  if (!supplier) return <span title={suppliers.isError ? 'The supplier could not be loaded' : undefined}>{id}</span>;
  return (
    <>
      {supplier.name}
      <span className="cell-sub">{supplier.code} · supplier</span>
    </>
  );
}
