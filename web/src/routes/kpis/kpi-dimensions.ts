// The dimensions a KPI table is cut by, and which filter narrows the returns to one row of it (the
// drill-down): a month is from = to = that month; another dimension's row is its own filter.
import { KPI_DIMENSIONS } from '../../../../src/contracts/kpi.js';
import type { KpiDimension, KpiFilter, KpiId } from '../../api/kpis.js';
import { KPI_RETURNS_PATH } from '../../auth/permissions.js';
import type { Option } from '../../ui/field.js';

export const DIMENSION_LABELS: Record<KpiDimension, string> = {
  period: 'Month',
  legal_entity: 'Legal entity',
  site: 'Site',
  customer: 'Customer',
  product: 'Product',
  category: 'Category',
  supplier: 'Supplier',
  reason: 'Reason',
  channel: 'Channel',
  return_type: 'Return type',
};

export const DIMENSION_OPTIONS: Option[] = KPI_DIMENSIONS.filter((by) => by !== 'period').map((by) => ({
  value: by,
  label: DIMENSION_LABELS[by],
}));

const ROW_FILTER: Record<Exclude<KpiDimension, 'period'>, keyof KpiFilter> = {
  legal_entity: 'legalEntityId',
  site: 'siteId',
  customer: 'customerId',
  product: 'productId',
  category: 'category',
  supplier: 'supplierId',
  reason: 'reasonCode',
  channel: 'channel',
  return_type: 'returnType',
};

/** The filter of one row's returns; null when the row is the returns without a value ('' key), which no filter selects. */
export function rowFilter(filter: KpiFilter, by: KpiDimension, key: string): KpiFilter | null {
  if (key === '') return null;
  if (by === 'period') return { ...filter, from: key, to: key };
  return { ...filter, [ROW_FILTER[by]]: key };
}

/** The drill-down page of a filter (and the KPI whose returns it lists). */
export function drillDownPath(filter: KpiFilter, kpi?: KpiId): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value) params.set(key, value);
  if (kpi) params.set('kpi', kpi);
  return `${KPI_RETURNS_PATH}?${params.toString()}`;
}
