// How a KPI's figure reads: days with one decimal, ratios as a percentage, money in the row's
// currency (minor units from the API), counts as whole numbers. No figure (nothing to divide by) is a dash.
import type { KpiUnit } from '../../api/kpis.js';
import { formatMoney } from '../../ui/money.js';

const PERCENT = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });
const DAYS = new Intl.NumberFormat(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const COUNT = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

export function formatKpiValue(value: number | null, unit: KpiUnit, currency: string): string {
  if (value === null) return '—';
  switch (unit) {
    case 'days':
      return `${DAYS.format(value)} ${value === 1 ? 'day' : 'days'}`;
    case 'ratio':
      return PERCENT.format(value);
    // Cost per return divides money by returns, so it can fall between minor units.
    case 'money':
      return formatMoney(Math.round(value), currency);
    case 'count':
      return COUNT.format(value);
  }
}

/** A chart axis' tick: the same as the figure, shorter (no "days", no decimals for money). */
export function formatKpiTick(value: number, unit: KpiUnit, currency: string): string {
  if (unit === 'days') return DAYS.format(value);
  if (unit === 'money') return formatMoney(Math.round(value), currency).replace(/[.,]\d+$/, '');
  return formatKpiValue(value, unit, currency);
}
