import { CHANNELS } from '../../../../src/contracts/masterdata.js';
import { useCustomer } from '../../api/customers.js';
import { useLegalEntities } from '../../api/ledger.js';
import { useSites } from '../../api/sites.js';
import { SelectField, TextField } from '../../ui/field.js';
import { humanize } from '../../ui/labels.js';
import { RETURN_TYPE_OPTIONS } from '../../ui/options.js';
import { CustomerPicker } from '../warehouse/customer-picker.js';
import { entityLabel } from '../finance/finance-filters.js';
import { KPI_FILTER_KEYS, type KpiFilterKey } from './use-kpi-params.js';

const CHANNEL_OPTIONS = CHANNELS.map((channel) => ({ value: channel, label: humanize(channel) }));

/**
 * Which returns the figures are about: the months their RMAs were created in (the server's last
 * twelve when none are chosen), and the entity, site, customer, channel and return type.
 */
export function KpiFilters({
  filters,
  range,
  onChange,
}: {
  filters: Record<KpiFilterKey, string>;
  /** The months the figures cover, as the server answered (shown when none are chosen). */
  range: { from: string; to: string } | null;
  onChange: (changes: Partial<Record<KpiFilterKey, string>>) => void;
}) {
  const entities = useLegalEntities();
  const sites = useSites();
  const isFiltered = KPI_FILTER_KEYS.some((key) => filters[key] !== '');
  return (
    <section className="panel">
      <form className="filters" aria-label="Filter the KPIs" onSubmit={(event) => event.preventDefault()}>
        <TextField
          label="From month"
          type="month"
          value={filters.from || range?.from || ''}
          onChange={(event) => onChange({ from: event.target.value })}
        />
        <TextField
          label="To month"
          type="month"
          value={filters.to || range?.to || ''}
          onChange={(event) => onChange({ to: event.target.value })}
        />
        <SelectField
          label="Legal entity"
          value={filters.legalEntityId}
          placeholder="Every entity"
          options={(entities.data?.items ?? []).map((entity) => ({ value: entity.id, label: entityLabel(entity) }))}
          onChange={(event) => onChange({ legalEntityId: event.target.value })}
        />
        <SelectField
          label="Site"
          value={filters.siteId}
          placeholder="Every site"
          options={(sites.data?.items ?? []).map((site) => ({ value: site.id, label: `${site.code} · ${site.name}` }))}
          onChange={(event) => onChange({ siteId: event.target.value })}
        />
        <SelectField
          label="Channel"
          value={filters.channel}
          placeholder="Every channel"
          options={CHANNEL_OPTIONS}
          onChange={(event) => onChange({ channel: event.target.value })}
        />
        <SelectField
          label="Return type"
          value={filters.returnType}
          placeholder="Every type"
          options={RETURN_TYPE_OPTIONS}
          onChange={(event) => onChange({ returnType: event.target.value })}
        />
        <CustomerFilter customerId={filters.customerId} onChange={(customerId) => onChange({ customerId })} />
        {isFiltered ? (
          <button
            type="button"
            className="button button--ghost kpi-filters__clear"
            onClick={() => onChange(Object.fromEntries(KPI_FILTER_KEYS.map((key) => [key, ''])))}
          >
            Clear filters
          </button>
        ) : null}
      </form>
    </section>
  );
}

/** The customer picker, showing the customer the address names (its id until the record is read). */
function CustomerFilter({ customerId, onChange }: { customerId: string; onChange: (customerId: string) => void }) {
  const customer = useCustomer(customerId, { enabled: customerId !== '' });
  if (customerId !== '' && !customer.data) {
    return (
      <div className="field">
        <span className="field__label">Customer</span>
        <span className="kpi-filters__pending">
          {customer.isError ? customerId : 'Loading…'}{' '}
          <button type="button" className="button button--small" onClick={() => onChange('')}>
            Any customer
          </button>
        </span>
      </div>
    );
  }
  return (
    <CustomerPicker
      chosen={customer.data ?? null}
      required={false}
      hint="Every customer unless one is chosen."
      placeholder="Name or account number"
      onChoose={(next) => onChange(next?.id ?? '')}
    />
  );
}
