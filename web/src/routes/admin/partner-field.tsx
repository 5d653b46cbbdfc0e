import type { PARTNER_ROLES } from '../../../../src/contracts/common.js';
import { usePartners } from '../../api/partners.js';
import { useSuppliers } from '../../api/suppliers.js';
import { SelectField } from '../../ui/field.js';

export type PartnerRole = (typeof PARTNER_ROLES)[number];

interface PartnerFieldProps {
  value: string;
  error?: string | undefined;
  hint: string;
  onChange: (partnerId: string) => void;
}

/**
 * The organisation a partner's user or key acts for: a repair partner (they see only its work
 * orders) or a supplier (only its claims), by the role chosen.
 */
export function PartnerField({ role, ...props }: PartnerFieldProps & { role: PartnerRole }) {
  return role === 'supplier' ? <SupplierSelect {...props} /> : <RepairPartnerSelect {...props} />;
}

function RepairPartnerSelect({ value, error, hint, onChange }: PartnerFieldProps) {
  const partners = usePartners();
  // Only active partners may be chosen; one already chosen stays visible, so the choice is not lost.
  const options = (partners.data?.items ?? [])
    .filter((partner) => partner.isActive || partner.id === value)
    .map((partner) => ({
      value: partner.id,
      label: `${partner.code} · ${partner.name}${partner.isActive ? '' : ' (inactive)'}`,
    }));
  return (
    <SelectField
      label="Repair partner"
      value={value}
      options={options}
      placeholder={partners.isPending ? 'Loading the partners…' : 'Choose a repair partner…'}
      hint={hint}
      error={error ?? (partners.isError ? 'Could not load the repair partners.' : undefined)}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}

function SupplierSelect({ value, error, hint, onChange }: PartnerFieldProps) {
  const suppliers = useSuppliers();
  const options = (suppliers.data?.items ?? []).map((supplier) => ({
    value: supplier.id,
    label: `${supplier.code} · ${supplier.name}`,
  }));
  return (
    <SelectField
      label="Supplier"
      value={value}
      options={options}
      placeholder={suppliers.isPending ? 'Loading the suppliers…' : 'Choose a supplier…'}
      hint={hint}
      error={error ?? (suppliers.isError ? 'Could not load the suppliers.' : undefined)}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}
