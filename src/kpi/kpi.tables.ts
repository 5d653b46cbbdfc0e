// The KPI context's tables: the figures per return and per return line, derived from the stages'
// records, and their sums per month, legal entity, dimension and value (see migration 0027).

/** The additive figures, per return, per line and per rollup row (seconds and minor units). */
export interface KpiMeasureColumns {
  returns: number;
  unauthorized_returns: number;
  repeat_returns: number;
  settled_returns: number;
  cycle_seconds: number;
  received_units: number;
  dispositioned_units: number;
  disposition_unit_seconds: number;
  returned_value_minor: number;
  recovered_value_minor: number;
  freight_cost_minor: number;
  repair_cost_minor: number;
  write_off_minor: number;
  paid_claims: number;
  reimbursement_seconds: number;
  open_exceptions: number;
  sla_breaches: number;
}

export interface KpiReturnFactsTable extends KpiMeasureColumns {
  rma_id: string;
  rma_number: string;
  /** YYYY-MM of the RMA's creation: the cohort the return counts in. */
  period: string;
  created_at: string;
  legal_entity_id: string;
  /** The legal entity's functional currency: every money figure is in it. */
  currency: string;
  customer_id: string;
  /** Where its goods go (routing) or went (the first receipt); '' while unknown. */
  site_id: string;
  channel: string;
  return_type: string;
  status: string;
  settled_at: string | null;
}

export interface KpiLineFactsTable extends KpiMeasureColumns {
  rma_line_id: string;
  rma_id: string;
  period: string;
  product_id: string;
  category: string;
  supplier_id: string;
  reason_code: string;
}

export interface KpiRollupsTable extends KpiMeasureColumns {
  period: string;
  legal_entity_id: string;
  currency: string;
  /** 'all' (value '') or a dimension other than period and legal entity. */
  dimension: string;
  value: string;
  shard: number;
}

export interface KpiTables {
  kpi_return_facts: KpiReturnFactsTable;
  kpi_line_facts: KpiLineFactsTable;
  kpi_rollups: KpiRollupsTable;
}
