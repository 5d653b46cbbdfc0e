// The headline KPIs as Prometheus gauges, read from the rollups at each scrape (a few hundred rows):
// this month's cohort per legal entity, the open exception backlog, and the inspections already
// past their SLA (live, per site — the KPI counts them once they finish). Every process reads the
// same tables, so with several workers the primary takes one worker's value, never their sum.
import { Gauge, type Registry } from 'prom-client';
import type { Platform } from '../platform/unit-of-work.js';
import { findOpenSlaBreaches } from '../inspection/index.js';
import { kpiHeadlines } from './kpi-queries.js';
import type { KpiId } from '../contracts/kpi.js';

const HEADLINES: Array<{ id: KpiId; name: string; help: string }> = [
  {
    id: 'return_cycle_days',
    name: 'boomerang_kpi_return_cycle_days',
    help: 'Return cycle time of this month’s returns settled so far, days',
  },
  {
    id: 'days_to_disposition',
    name: 'boomerang_kpi_days_to_disposition',
    help: 'Days from receipt to disposition, this month’s returns',
  },
  {
    id: 'recovery_rate',
    name: 'boomerang_kpi_recovery_rate',
    help: 'Value recovered ÷ returned value, this month’s returns (0–1)',
  },
  {
    id: 'unauthorized_rate',
    name: 'boomerang_kpi_unauthorized_rate',
    help: 'Returns that arrived without an RMA ÷ returns, this month (0–1)',
  },
  {
    id: 'repeat_return_rate',
    name: 'boomerang_kpi_repeat_return_rate',
    help: 'Returns of customers with another in the 90 days before ÷ returns, this month (0–1)',
  },
  {
    id: 'cost_per_return',
    name: 'boomerang_kpi_cost_per_return_minor',
    help: 'Freight, repair and write-off per return this month, minor units of the entity’s currency',
  },
];

export function registerKpiGauges(registry: Registry, platform: Platform): void {
  let pending: Promise<void> | null = null;
  const gauges = new Map<KpiId, Gauge>();
  for (const h of HEADLINES)
    gauges.set(
      h.id,
      new Gauge({
        name: h.name,
        help: h.help,
        labelNames: ['legal_entity'],
        registers: [registry],
        aggregator: 'first',
        collect: () => refresh(),
      }),
    );
  const returns = new Gauge({
    name: 'boomerang_kpi_returns_this_month',
    help: 'Returns created this month',
    labelNames: ['legal_entity'],
    registers: [registry],
    aggregator: 'first',
    collect: () => refresh(),
  });
  const backlog = new Gauge({
    name: 'boomerang_kpi_exception_backlog',
    help: 'Receipt exceptions still open',
    labelNames: ['legal_entity'],
    registers: [registry],
    aggregator: 'first',
    collect: () => refresh(),
  });
  const overdue = new Gauge({
    name: 'boomerang_kpi_inspections_overdue',
    help: 'Open inspections already past their SLA due time',
    labelNames: ['site'],
    registers: [registry],
    aggregator: 'first',
    collect: () => refresh(),
  });
  // One read serves every gauge of a scrape. If the database is away the last values stay.
  const refresh = () =>
    (pending ??= (async () => {
      const now = platform.clock.now();
      const [headlines, late] = await Promise.all([
        kpiHeadlines(platform.db, now.toISOString().slice(0, 10)),
        findOpenSlaBreaches(platform.db, now),
      ]);
      for (const gauge of [...gauges.values(), returns, backlog, overdue]) gauge.reset();
      for (const entity of headlines.cohort) {
        returns.set({ legal_entity: entity.legalEntityId }, entity.returns);
        for (const [id, gauge] of gauges) {
          const value = entity.values[id];
          if (value !== null) gauge.set({ legal_entity: entity.legalEntityId }, value);
        }
      }
      for (const entity of headlines.backlog)
        backlog.set({ legal_entity: entity.legalEntityId }, entity.openExceptions);
      const bySite = new Map<string, number>();
      for (const inspection of late) bySite.set(inspection.site_id, (bySite.get(inspection.site_id) ?? 0) + 1);
      for (const [site, n] of bySite) overdue.set({ site }, n);
    })()
      .catch(() => undefined)
      .finally(() => {
        pending = null;
      }));
}
