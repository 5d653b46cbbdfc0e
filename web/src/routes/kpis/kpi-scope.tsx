import { useCustomer } from '../../api/customers.js';
import type { KpiFilter } from '../../api/kpis.js';
import { useLegalEntities } from '../../api/ledger.js';
import { useSites } from '../../api/sites.js';
import { humanize } from '../../ui/labels.js';
import { formatPeriod } from '../finance/finance-labels.js';

/** Which returns a drill-down lists, in words: the months requested and each filter set. */
export function KpiScope({ filter }: { filter: KpiFilter }) {
  const entities = useLegalEntities();
  const sites = useSites();
  const customer = useCustomer(filter.customerId ?? '', { enabled: Boolean(filter.customerId) });
  const entity = entities.data?.items.find((candidate) => candidate.id === filter.legalEntityId);
  const site = sites.data?.items.find((candidate) => candidate.id === filter.siteId);
  const facts: Array<[string, string | undefined]> = [
    ['Requested', monthsText(filter)],
    ['Legal entity', filter.legalEntityId && (entity ? `${entity.code} · ${entity.name}` : filter.legalEntityId)],
    ['Site', filter.siteId && (site ? `${site.code} · ${site.name}` : filter.siteId)],
    ['Customer', filter.customerId && (customer.data?.name ?? filter.customerId)],
    ['Product', filter.productId],
    ['Category', filter.category],
    ['Supplier', filter.supplierId],
    ['Reason', filter.reasonCode && humanize(filter.reasonCode)],
    ['Channel', filter.channel && humanize(filter.channel)],
    ['Return type', filter.returnType && humanize(filter.returnType)],
  ];
  return (
    <dl className="kpi-scope">
      {facts
        .filter((fact): fact is [string, string] => Boolean(fact[1]))
        .map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}

function monthsText({ from, to }: KpiFilter): string {
  if (!from && !to) return 'The last 12 months';
  if (from && from === to) return formatPeriod(from);
  return `${from ? formatPeriod(from) : '…'} – ${to ? formatPeriod(to) : 'this month'}`;
}
