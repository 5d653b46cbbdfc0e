// A person overrides the routing rules: sends an authorized return's goods to another site, with
// the reason. The rules' decision stays in the history; the site must still be able to take the
// goods (receive them, and hold their certifications) — an override changes nearness and load,
// never the law on regulated goods.
import type { RerouteRequest, Rma } from '../../contracts/returns.js';
import type { RequestContext } from '../../platform/actor.js';
import { assertCan } from '../../platform/access.js';
import { AppError } from '../../platform/errors.js';
import { runInTransaction, type Platform } from '../../platform/unit-of-work.js';
import { findCurrentConfig } from '../../configuration/index.js';
import { findProducts, findRoutableSites } from '../../masterdata/index.js';
import { requiredCapabilities } from '../domain/routing-instruction.js';
import { findRmaToChange } from './rma-to-change.js';
import { findShipToSiteId } from '../ship-to.js';
import { recordInstruction, routedGoodsOf } from '../routing-instructions.js';
import type { LoadReturnFacts } from '../return-facts.js';
import { loadRma } from './read-rmas.js';

export async function rerouteReturn(
  platform: Platform,
  ctx: RequestContext,
  rmaId: string,
  request: RerouteRequest,
  expectedVersion: number | undefined,
  loadFacts: LoadReturnFacts,
): Promise<Rma> {
  assertCan(ctx.actor, 'returns.route');
  await runInTransaction(platform, ctx, async (tx) => {
    const row = await findRmaToChange(tx, rmaId, expectedVersion);
    if (row.status !== 'authorized' || row.is_unauthorized === 1)
      throw new AppError(
        'invalid_transition',
        row.is_unauthorized === 1
          ? `return ${row.rma_number} arrived without authorization: its goods are already at a site`
          : `return ${row.rma_number} is ${row.status}; only an authorized return is routed`,
      );
    const site = (await findRoutableSites(tx.db, row.legal_entity_id)).find((s) => s.id === request.siteId);
    if (!site) throw siteRefused(`no active site ${request.siteId} of the return's legal entity`);
    const lines = await tx.db
      .selectFrom('rma_lines')
      .select(['product_id', 'quantity'])
      .where('rma_id', '=', rmaId)
      .execute();
    const products = await findProducts(tx.db, [...new Set(lines.map((l) => l.product_id))]);
    const rules = await findCurrentConfig(tx.db, 'return_routing');
    const missing = requiredCapabilities(
      products.map((p) => routedGoodsOf(p, p.id, 0)),
      rules.document,
    ).filter((need) => !site.capabilities.includes(need.capability));
    if (missing.length > 0)
      throw siteRefused(
        `${site.code} cannot take these goods: it lacks ${missing.map((m) => `${m.capability.replaceAll('_', ' ')} (${m.because})`).join(', ')}`,
      );
    const from = await findShipToSiteId(tx.db, row);
    if (from === site.id) throw siteRefused(`return ${row.rma_number} is already routed to ${site.code}`);
    await recordInstruction(tx, rmaId, {
      site_id: site.id,
      basis: 'override',
      rules_version: null,
      units: lines.reduce((sum, line) => sum + line.quantity, 0),
      decision: JSON.stringify({ requiredCapabilities: [], zone: null, candidates: [] }),
      explanation: JSON.stringify([`Routed by hand to ${site.code} (${site.name}): ${request.reason}`]),
      reason: request.reason,
    });
    const isUpdated = await tx.db
      .updateTable('rmas')
      .set({ version: row.version + 1, updated_at: tx.now })
      .where('id', '=', rmaId)
      .where('version', '=', row.version)
      .executeTakeFirst();
    if (Number(isUpdated.numUpdatedRows) !== 1)
      throw new AppError('version_conflict', `return ${row.rma_number} was changed concurrently; reload and try again`);
    tx.audit({
      entityType: 'rma',
      entityId: rmaId,
      action: 'rma.rerouted',
      before: { siteId: from },
      after: { siteId: site.id, siteCode: site.code, reason: request.reason },
    });
    tx.emit({
      type: 'rma.routed',
      aggregateType: 'rma',
      aggregateId: rmaId,
      payload: { rmaId, siteId: site.id, basis: 'override' },
    });
  });
  return loadRma(platform.db, rmaId, loadFacts);
}

function siteRefused(message: string): AppError {
  return new AppError('rule_violation', message, { errors: [{ path: 'siteId', message }] });
}
