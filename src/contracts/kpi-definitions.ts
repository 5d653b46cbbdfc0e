// What each KPI means: formula, where it starts and ends, what it leaves out. Served by
// GET /api/v1/kpis/definitions, shown beside every figure, and held against the code that computes
// it (src/kpi/domain/kpi-values.ts) by its tests. A return counts in the month its RMA was created.
import type { KpiDefinition, KpiId } from './kpi.js';

export const KPI_DEFINITIONS: readonly KpiDefinition[] = [
  {
    id: 'return_cycle_days',
    name: 'Return cycle time',
    unit: 'days',
    betterWhen: 'lower',
    formula: 'Σ (settled at − RMA created at) ÷ settled returns, in days',
    startEvent: 'RMA created (requested)',
    endEvent:
      'Final settlement: the RMA closed after its goods were worked through — the last of its credit memos issued, replacements shipped and the close itself',
    exclusions:
      'Returns not yet settled; returns rejected, cancelled or expired (no goods were worked through); returns closed with no unit received',
    drillDown: 'The settled returns, with each one’s cycle time',
  },
  {
    id: 'days_to_disposition',
    name: 'Days to disposition',
    unit: 'days',
    betterWhen: 'lower',
    formula: 'Σ units × (disposition decided at − the line’s first receipt at) ÷ dispositioned units, in days',
    startEvent: 'The return line’s first receipt at the dock',
    endEvent: 'The disposition decided for those units (restock, repair, vendor return, liquidate, scrap, …)',
    exclusions: 'Units received but not yet dispositioned',
    drillDown: 'Returns with dispositioned units',
  },
  {
    id: 'recovery_rate',
    name: 'Recovery rate',
    unit: 'ratio',
    betterWhen: 'higher',
    formula: 'value recovered ÷ returned value, both at carrying value in the functional currency',
    startEvent: 'Receipt (returned value: units received × the line’s carrying value, fixed at the receipt day’s rate)',
    endEvent:
      'Value recovered through restock (units restocked at their value; after repair at the graded value), resale (liquidation proceeds, shared across a lot by value), or supplier claim (the amount the supplier accepted, converted as the books hold it)',
    exclusions:
      'Units sent back to the customer (neither recovered nor lost); units still awaiting a decision count in returned value only once received',
    drillDown: 'Received returns, with returned and recovered value',
  },
  {
    id: 'cost_per_return',
    name: 'Cost per return',
    unit: 'money',
    betterWhen: 'lower',
    formula: '(return freight + repair labour and parts + write-off) ÷ returns',
    startEvent: 'RMA created',
    endEvent:
      'Each cost as it is recorded: a work order’s actual cost, a disposal’s written-off value, freight posted to the return',
    exclusions:
      'Inspection and handling labour: not recorded per return yet (no time sheets), so it is not in the figure; freight only where a carrier charge is recorded against the return',
    drillDown: 'Returns with their costs',
  },
  {
    id: 'unauthorized_rate',
    name: 'Unauthorized return rate',
    unit: 'ratio',
    betterWhen: 'lower',
    formula: 'returns that arrived without an RMA ÷ returns',
    startEvent: 'RMA created (for an unauthorized arrival: when the dock opened it)',
    endEvent: '—',
    exclusions: 'Unidentified arrivals not yet matched to a customer (they have no return yet)',
    drillDown: 'All returns of the cohort, the unauthorized ones flagged',
  },
  {
    id: 'supplier_reimbursement_days',
    name: 'Supplier reimbursement cycle',
    unit: 'days',
    betterWhen: 'lower',
    formula:
      'Σ (credit note received at − claim submitted at) ÷ paid claims, in days, per claim the return’s units are on',
    startEvent: 'Supplier claim submitted (the vendor return shipped)',
    endEvent: 'The supplier’s credit note recorded (claim paid)',
    exclusions: 'Claims not yet paid; rejected claims',
    drillDown: 'Returns with paid supplier claims',
  },
  {
    id: 'repeat_return_rate',
    name: 'Repeat return rate',
    unit: 'ratio',
    betterWhen: 'lower',
    formula: 'returns whose customer had another return created in the 90 days before ÷ returns',
    startEvent: 'RMA created',
    endEvent: '—',
    exclusions: 'None',
    drillDown: 'All returns of the cohort, the repeats flagged',
  },
  {
    id: 'net_recovery_value',
    name: 'Net recovery value',
    unit: 'money',
    betterWhen: 'higher',
    formula: 'value recovered − (freight + repair + write-off)',
    startEvent: 'Receipt',
    endEvent: 'Each recovery and cost as it is recorded',
    exclusions: 'As recovery rate and cost per return',
    drillDown: 'Received returns, with recovered value and costs',
  },
  {
    id: 'exception_backlog',
    name: 'Exception backlog',
    unit: 'count',
    betterWhen: 'lower',
    formula: 'receipt exceptions still open (over, short, wrong item, damaged, …)',
    startEvent: 'Exception raised at receipt',
    endEvent: 'Exception resolved',
    exclusions: 'Resolved exceptions; unidentified arrivals (they have no return yet)',
    drillDown: 'Returns with open receipt exceptions',
  },
  {
    id: 'sla_breaches',
    name: 'Inspection SLA breaches',
    unit: 'count',
    betterWhen: 'lower',
    formula: 'inspections completed after their SLA due time',
    startEvent: 'Units received (the inspection queued, its due time fixed by the SLA in force)',
    endEvent: 'Inspection completed',
    exclusions:
      'Inspections within their SLA; open inspections already past due count once they finish (they show live, by site, on the inspection queue and as the boomerang_kpi_inspections_overdue gauge)',
    drillDown: 'Returns with late inspections',
  },
];

export const kpiDefinition = (id: KpiId): KpiDefinition => KPI_DEFINITIONS.find((d) => d.id === id)!;
