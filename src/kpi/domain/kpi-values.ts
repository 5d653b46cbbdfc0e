// Every KPI from the additive measures of a row, exactly as KPI_DEFINITIONS (contracts) states
// it. Null where the figure has no denominator yet (no settled return, nothing received).
import type { KpiId, KpiMeasures } from '../../contracts/kpi.js';
import type { KpiMeasureColumns } from '../kpi.tables.js';

const DAY = 86_400;

export function measuresOf(columns: KpiMeasureColumns): KpiMeasures {
  return {
    returns: columns.returns,
    unauthorizedReturns: columns.unauthorized_returns,
    repeatReturns: columns.repeat_returns,
    settledReturns: columns.settled_returns,
    cycleDaysSum: columns.cycle_seconds / DAY,
    receivedUnits: columns.received_units,
    dispositionedUnits: columns.dispositioned_units,
    dispositionDaysSum: columns.disposition_unit_seconds / DAY,
    returnedValueMinor: columns.returned_value_minor,
    recoveredValueMinor: columns.recovered_value_minor,
    freightCostMinor: columns.freight_cost_minor,
    repairCostMinor: columns.repair_cost_minor,
    writeOffMinor: columns.write_off_minor,
    paidClaims: columns.paid_claims,
    reimbursementDaysSum: columns.reimbursement_seconds / DAY,
    openExceptions: columns.open_exceptions,
    slaBreaches: columns.sla_breaches,
  };
}

const ratio = (numerator: number, denominator: number) => (denominator > 0 ? numerator / denominator : null);

export function kpiValuesOf(m: KpiMeasures): Record<KpiId, number | null> {
  const cost = m.freightCostMinor + m.repairCostMinor + m.writeOffMinor;
  return {
    return_cycle_days: ratio(m.cycleDaysSum, m.settledReturns),
    days_to_disposition: ratio(m.dispositionDaysSum, m.dispositionedUnits),
    recovery_rate: ratio(m.recoveredValueMinor, m.returnedValueMinor),
    cost_per_return: ratio(cost, m.returns),
    unauthorized_rate: ratio(m.unauthorizedReturns, m.returns),
    supplier_reimbursement_days: ratio(m.reimbursementDaysSum, m.paidClaims),
    repeat_return_rate: ratio(m.repeatReturns, m.returns),
    net_recovery_value: m.recoveredValueMinor - cost,
    exception_backlog: m.openExceptions,
    sla_breaches: m.slaBreaches,
  };
}
