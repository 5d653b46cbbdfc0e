import { usePartners } from '../../api/partners.js';
import { SelectField } from '../../ui/field.js';

/** The repair partner a partner user or key acts for: they see only that partner's work orders. */
export function PartnerField({
  value,
  error,
  hint,
  onChange,
}: {
  value: string;
  error?: string | undefined;
  hint: string;
  onChange: (partnerId: string) => void;
}) {
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
