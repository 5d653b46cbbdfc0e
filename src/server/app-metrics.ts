// The server's metrics: the kernel's (requests, pool, outbox, jobs, webhooks) and the headline KPIs.
import { createMetrics, type Metrics } from '../platform/http/metrics.js';
import type { Platform } from '../platform/unit-of-work.js';
import { registerKpiGauges } from '../kpi/index.js';

export function createAppMetrics(platform: Platform): Metrics {
  const metrics = createMetrics(platform);
  registerKpiGauges(metrics.registry, platform);
  return metrics;
}
