// KPI rows as chart points: one point per dimension value, one series per currency (rows of
// different currencies are kept apart by the API, and a figure is never added across them).
import type { KpiId, KpiRow } from '../../api/kpis.js';

export interface KpiChartPoint {
  key: string;
  label: string;
  [currency: string]: number | string | null;
}

export const SERIES_COLOURS = ['#1f4e79', '#b5651d', '#1d6b3a', '#7a3b8f', '#a12a2a'];

export function currenciesOf(rows: readonly KpiRow[]): string[] {
  return [...new Set(rows.map((row) => row.currency))].sort();
}

export function chartPoints(rows: readonly KpiRow[], kpi: KpiId): KpiChartPoint[] {
  const points = new Map<string, KpiChartPoint>();
  for (const row of rows) {
    const point = points.get(row.key) ?? { key: row.key, label: row.label || '(none)' };
    point[row.currency] = row.values[kpi];
    points.set(row.key, point);
  }
  return [...points.values()];
}

/** Whether any point has a figure (a KPI has none where nothing was there to divide by). */
export function hasFigures(points: readonly KpiChartPoint[], currencies: readonly string[]): boolean {
  return points.some((point) => currencies.some((currency) => typeof point[currency] === 'number'));
}
