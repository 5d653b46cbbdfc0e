// The KPI tables as CSV: one row per dimension value (and currency), every KPI and the measures
// it is made of, so a spreadsheet can recompute each figure; money in minor units beside its
// currency, ratios as fractions, days with their decimals.
import { KPI_IDS, KPI_MEASURES, type KpiReturnRow, type KpiTable } from '../../contracts/kpi.js';
import { csvText } from '../../platform/csv.js';

const round = (n: number | null, digits = 6) => (n === null ? null : Number(n.toFixed(digits)));

export function kpiTableCsv(table: KpiTable): string {
  const header = [table.by, 'label', 'currency', ...KPI_IDS, ...KPI_MEASURES];
  const rows = [...table.rows, ...table.totals].map((row) => [
    row.key,
    row.label,
    row.currency,
    ...KPI_IDS.map((id) => round(row.values[id])),
    ...KPI_MEASURES.map((m) => round(row.measures[m])),
  ]);
  return csvText(header, rows);
}

const RETURN_COLUMNS = [
  'rmaNumber',
  'period',
  'createdAt',
  'customerName',
  'channel',
  'returnType',
  'currency',
  'isUnauthorized',
  'isRepeat',
  'settledAt',
  'cycleDays',
  'receivedUnits',
  'dispositionedUnits',
  'returnedValueMinor',
  'recoveredValueMinor',
  'costMinor',
  'openExceptions',
  'slaBreaches',
] as const satisfies ReadonlyArray<keyof KpiReturnRow>;

export function kpiReturnsCsv(items: readonly KpiReturnRow[]): string {
  return csvText(
    RETURN_COLUMNS,
    items.map((item) => RETURN_COLUMNS.map((c) => (c === 'cycleDays' ? round(item[c], 3) : item[c]))),
  );
}
