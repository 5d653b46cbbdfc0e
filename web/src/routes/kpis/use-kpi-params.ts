// The dashboard's state in the address: its filters, the KPI charted and the dimension it is cut
// by, so a view can be bookmarked, shared and survives a reload.
import { KPI_DIMENSIONS, KPI_IDS } from '../../../../src/contracts/kpi.js';
import type { KpiDimension, KpiFilter, KpiId } from '../../api/kpis.js';
import { useListParams } from '../returns/use-list-params.js';

export const KPI_FILTER_KEYS = [
  'from',
  'to',
  'legalEntityId',
  'siteId',
  'customerId',
  'productId',
  'category',
  'supplierId',
  'reasonCode',
  'channel',
  'returnType',
] as const satisfies readonly (keyof KpiFilter)[];
export type KpiFilterKey = (typeof KPI_FILTER_KEYS)[number];

// Charted first: the figure every return adds to once received (cycle time waits for settlement).
const DEFAULT_KPI: KpiId = 'recovery_rate';
const DEFAULT_DIMENSION: KpiDimension = 'reason';

export function useKpiParams(defaultPageSize = 25) {
  const params = useListParams([...KPI_FILTER_KEYS, 'by', 'kpi'], defaultPageSize);
  const { by, kpi } = params.filters;
  return {
    ...params,
    filter: filterOf(params.filters),
    kpi: (KPI_IDS as readonly string[]).includes(kpi) ? (kpi as KpiId) : DEFAULT_KPI,
    /** The KPI named in the address, if any (the drill-down lists every return of the filter without one). */
    chosenKpi: (KPI_IDS as readonly string[]).includes(kpi) ? (kpi as KpiId) : undefined,
    by: KPI_DIMENSIONS.includes(by as KpiDimension) && by !== 'period' ? (by as KpiDimension) : DEFAULT_DIMENSION,
  };
}

/** The filters that are set (the API reads an empty one as a value). */
function filterOf(values: Record<KpiFilterKey, string>): KpiFilter {
  return Object.fromEntries(KPI_FILTER_KEYS.filter((key) => values[key] !== '').map((key) => [key, values[key]]));
}
