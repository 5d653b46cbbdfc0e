import type { PartnerRole } from '../../../../src/contracts/common.js';
import type { PartnerKind } from '../../../../src/contracts/masterdata.js';
import { usePartners } from '../../api/partners.js';
import { useSuppliers } from '../../api/suppliers.js';
import { SelectField } from '../../ui/field.js';

import { PARTNER_WORDS } from './partner-words.js';

export type { PartnerRole };
interface PartnerFieldProps {
  value: string;
  error?: string | undefined;
  hint: string;
  onChange: (partnerId: string) => void;
}

/**
 * The organisation a partner's user or key acts for, by the role chosen: a repair partner (they see
 * only its work orders), a supplier (only its claims) or a carrier (only its shipments).
 */
export function PartnerField({ role, ...props }: PartnerFieldProps & { role: PartnerRole }) {
  if (role === 'supplier') return <SupplierSelect {...props} />;
  return <PartnerOfKindSelect {...props} kind={role === 'carrier' ? 'carrier' : 'repair'} role={role} />;
}

function PartnerOfKindSelect({
  value,
  error,
  hint,
  onChange,
  kind,
  role,
}: PartnerFieldProps & { kind: PartnerKind; role: PartnerRole }) {
  const partners = usePartners();
  const { noun, label } = PARTNER_WORDS[role];
  // Only active partners of the kind may be chosen; one already chosen stays visible, so the choice is not lost.
  const options = (partners.data?.items ?? [])
    .filter((partner) => partner.kind === kind && (partner.isActive || partner.id === value))
    .map((partner) => ({
      value: partner.id,
      label: `${partner.code} · ${partner.name}${partner.isActive ? '' : ' (inactive)'}`,
    }));
  return (
    <SelectField
      label={label}
      value={value}
      options={options}
      placeholder={partners.isPending ? 'Loading the partners…' : `Choose a ${noun}…`}
      hint={hint}
      error={error ?? (partners.isError ? `Could not load the ${noun}s.` : undefined)}
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
