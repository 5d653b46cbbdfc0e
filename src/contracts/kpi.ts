// The KPIs executives track: their definitions, the dimensions they are cut by, and the API's shapes.
// Every figure is derived from the stages' own facts (see src/kpi and docs/KPIS.md); a return falls
// in the period (month) its RMA was created: a cohort view, so a month's figures mature as its
// returns are worked through.
import { z } from 'zod';
import { PeriodSchema } from './ledger.js';

export const KPI_DIMENSIONS = [
  'period',
  'legal_entity',
  'site',
  'customer',
  'product',
  'category',
  'supplier',
  'reason',
  'channel',
  'return_type',
] as const;
export type KpiDimension = (typeof KPI_DIMENSIONS)[number];

/** Dimensions that belong to a return line (a return with two products counts once in each). */
export const LINE_DIMENSIONS = ['product', 'category', 'supplier', 'reason'] as const satisfies readonly KpiDimension[];

export const KPI_IDS = [
  'return_cycle_days',
  'days_to_disposition',
  'recovery_rate',
  'cost_per_return',
  'unauthorized_rate',
  'supplier_reimbursement_days',
  'repeat_return_rate',
  'net_recovery_value',
  'exception_backlog',
  'sla_breaches',
] as const;
export type KpiId = (typeof KPI_IDS)[number];

export type KpiUnit = 'days' | 'ratio' | 'money' | 'count';

export interface KpiDefinition {
  id: KpiId;
  name: string;
  unit: KpiUnit;
  /** Whether a higher figure is better (recovery) or worse (cycle time). */
  betterWhen: 'higher' | 'lower';
  formula: string;
  startEvent: string;
  endEvent: string;
  exclusions: string;
  /** The drill-down shows these returns: the ones that make up the figure. */
  drillDown: string;
}

/** The additive measures a KPI row sums; every KPI is a ratio or sum of them. */
export const KPI_MEASURES = [
  'returns',
  'unauthorizedReturns',
  'repeatReturns',
  'settledReturns',
  'cycleDaysSum',
  'receivedUnits',
  'dispositionedUnits',
  'dispositionDaysSum',
  'returnedValueMinor',
  'recoveredValueMinor',
  'freightCostMinor',
  'repairCostMinor',
  'writeOffMinor',
  'paidClaims',
  'reimbursementDaysSum',
  'openExceptions',
  'slaBreaches',
] as const;
export type KpiMeasure = (typeof KPI_MEASURES)[number];
export type KpiMeasures = Record<KpiMeasure, number>;

const month = PeriodSchema;

export const KpiFilterSchema = z.strictObject({
  from: month.optional(),
  to: month.optional(),
  legalEntityId: z.string().min(1).optional(),
  siteId: z.string().min(1).optional(),
  customerId: z.string().min(1).optional(),
  productId: z.string().min(1).optional(),
  category: z.string().min(1).optional(),
  supplierId: z.string().min(1).optional(),
  reasonCode: z.string().min(1).optional(),
  channel: z.string().min(1).optional(),
  returnType: z.string().min(1).optional(),
});
export type KpiFilter = z.infer<typeof KpiFilterSchema>;

export const KpiTableQuerySchema = KpiFilterSchema.extend({
  by: z.enum(KPI_DIMENSIONS).default('period'),
  /** At most this many rows, the largest by returns first (periods: in order). */
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
export type KpiTableQuery = z.infer<typeof KpiTableQuerySchema>;

export const KpiDrillDownQuerySchema = KpiFilterSchema.extend({
  kpi: z.enum(KPI_IDS).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});
export type KpiDrillDownQuery = z.infer<typeof KpiDrillDownQuerySchema>;

export interface KpiRow {
  /** The dimension's value (an id, a code, or YYYY-MM for periods); '' where the return has none. */
  key: string;
  label: string;
  /** Money is in the legal entity's functional currency; rows of different currencies are kept apart. */
  currency: string;
  measures: KpiMeasures;
  values: Record<KpiId, number | null>;
}

export interface KpiTable {
  by: KpiDimension;
  from: string;
  to: string;
  rows: KpiRow[];
  /** One total per currency. */
  totals: KpiRow[];
  /** Rows left out by the limit. */
  truncated: number;
}

export interface KpiReturnRow {
  rmaId: string;
  rmaNumber: string;
  period: string;
  createdAt: string;
  legalEntityId: string;
  customerId: string;
  customerName: string;
  siteId: string | null;
  channel: string;
  returnType: string;
  currency: string;
  isUnauthorized: boolean;
  isRepeat: boolean;
  settledAt: string | null;
  cycleDays: number | null;
  receivedUnits: number;
  dispositionedUnits: number;
  returnedValueMinor: number;
  recoveredValueMinor: number;
  costMinor: number;
  openExceptions: number;
  slaBreaches: number;
}

export interface KpiCheckResult {
  checkedReturns: number;
  checkedRollups: number;
  /** Returns whose stored facts differ from a recomputation from the raw records (first 50). */
  factDifferences: Array<{ rmaId: string; field: string; stored: unknown; recomputed: unknown }>;
  /** Aggregate rows that differ from the sum of the facts (first 50). */
  rollupDifferences: Array<{ key: string; measure: string; stored: number; recomputed: number }>;
  ok: boolean;
  tookMs: number;
}
