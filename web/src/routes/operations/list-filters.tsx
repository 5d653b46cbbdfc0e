import type { ReactNode } from 'react';
import { useSites } from '../../api/sites.js';
import { SelectField, type Option } from '../../ui/field.js';

/** A list's status and site, kept in the address (useListParams) so a filtered list can be shared. */
export function ListFilters({
  label,
  status,
  statusOptions,
  siteId,
  onChange,
  children,
}: {
  label: string;
  status?: string;
  statusOptions?: readonly Option[];
  siteId: string;
  onChange: (changes: { status?: string; siteId?: string }) => void;
  children?: ReactNode;
}) {
  const sites = useSites();
  return (
    <section className="panel">
      <form className="filters" aria-label={label} onSubmit={(event) => event.preventDefault()}>
        {statusOptions && status !== undefined ? (
          <SelectField
            label="Status"
            value={status}
            options={statusOptions}
            onChange={(event) => onChange({ status: event.target.value })}
          />
        ) : null}
        <SelectField
          label="Site"
          value={siteId}
          placeholder="All sites"
          options={(sites.data?.items ?? []).map((site) => ({ value: site.id, label: `${site.code} · ${site.name}` }))}
          onChange={(event) => onChange({ siteId: event.target.value })}
        />
        {children}
      </form>
    </section>
  );
}
