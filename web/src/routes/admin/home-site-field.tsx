import { useSites } from '../../api/sites.js';
import { SelectField } from '../../ui/field.js';

/** A staff member's home site: the site their forms (such as recording an arrival) start from. */
export function HomeSiteField({
  value,
  error,
  onChange,
}: {
  value: string;
  error?: string | undefined;
  onChange: (siteId: string) => void;
}) {
  const sites = useSites();
  const options = [
    { value: '', label: 'No home site' },
    ...(sites.data?.items ?? [])
      .filter((site) => site.isActive || site.id === value)
      .map((site) => ({ value: site.id, label: `${site.code} · ${site.name}` })),
  ];
  return (
    <SelectField
      label="Home site"
      value={value}
      options={options}
      hint="Where they work: forms such as recording an arrival start from this site."
      error={error ?? (sites.isError ? 'Could not load the sites.' : undefined)}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}
