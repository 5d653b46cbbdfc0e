// POST /kpis/check: recompute every KPI fact from the stages' records and compare (check-kpis.ts).
import type { FastifyInstance } from 'fastify';
import { contextOf, SIGNED_IN } from '../../platform/http/request-context.js';
import { assertCan } from '../../platform/access.js';
import type { Platform } from '../../platform/unit-of-work.js';
import { checkKpis } from './check-kpis.js';

export function registerKpiCheckRoutes(app: FastifyInstance, platform: Platform): void {
  app.post(
    '/kpis/check',
    {
      config: SIGNED_IN,
      schema: {
        tags: ['kpis'],
        summary: 'Recompute the KPI facts and rollups from the raw records and report any difference',
      },
    },
    async (request) => {
      assertCan(contextOf(request).actor, 'kpi.check');
      return checkKpis(platform.db);
    },
  );
}
