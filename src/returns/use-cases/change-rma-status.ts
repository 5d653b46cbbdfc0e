// Approve, reject, cancel and expire: each a move through the state machine. Moves that end a
// return before any goods came back give its quantities and serials back to the order. Cancel and
// expiry also ask the later stages: once goods are on their way or at the dock, they are refused;
// and they let them act in the same transaction (`onClosedUnreceived`: settlement takes back credit
// given ahead of proof for units that will not come).
import type { Rma } from '../../contracts/returns.js';
import type { RmaStatus } from '../../contracts/returns-vocabulary.js';
import type { RequestContext } from '../../platform/actor.js';
import { AppError } from '../../platform/errors.js';
import { runInTransaction, type Platform, type Tx } from '../../platform/unit-of-work.js';
import { assertCan } from '../../platform/access.js';
import { findCurrentConfig } from '../../configuration/index.js';
import { releaseReturnQuantity } from '../../sales/index.js';
import { addDays } from '../../platform/calendar.js';
import { canTransition, listAllowedTransitions, releasesQuantityOnEntry } from '../domain/rma-state-machine.js';
import { countUnits, hasGoodsMoved } from '../domain/return-progress.js';
import {
  deactivateSerials,
  findDueAuthorizations,
  findLineQuantities,
  findRmaRow,
  updateRmaStatus,
} from '../rma.repository.js';
import type { RmasTable } from '../returns.tables.js';
import { factsOfLine, type LoadReturnFacts } from '../return-facts.js';
import { loadRma } from './read-rmas.js';
import { findRmaToChange } from './rma-to-change.js';
import { routeAuthorizedReturn } from '../routing-instructions.js';
import type { OnReturnAuthorized } from '../on-authorized.js';
import type { OnReturnClosedUnreceived } from '../on-closed-unreceived.js';

interface Move {
  to: RmaStatus;
  action: string;
  event: string;
  changes: Partial<RmasTable>;
  auditDetails: Record<string, unknown>;
  /** Moves that end the return while goods may be under way ask the later stages first. */
  refuseOnceGoodsMoved?: LoadReturnFacts;
}

/** Whether any unit of the return is on its way or has arrived, by the later stages' facts. */
async function haveGoodsMoved(
  tx: Tx,
  lines: ReadonlyArray<{ id: string; rma_id: string }>,
  loadFacts: LoadReturnFacts,
): Promise<boolean> {
  const rmaIds = [...new Set(lines.map((l) => l.rma_id))];
  const facts = await loadFacts(tx.db, rmaIds);
  return hasGoodsMoved(lines.map((l) => factsOfLine(facts, l.id)));
}

async function moveRma(tx: Tx, id: string, expectedVersion: number | undefined, move: Move) {
  const row = await findRmaToChange(tx, id, expectedVersion);
  const from = row.status;
  if (!canTransition(from, move.to)) {
    const allowed = listAllowedTransitions(from);
    throw new AppError(
      'invalid_transition',
      `cannot move return ${row.rma_number} from '${from}' to '${move.to}'; allowed: ${allowed.length > 0 ? allowed.join(', ') : 'none (final state)'}`,
      {
        extensions: { from, to: move.to, allowedTransitions: allowed },
      },
    );
  }
  const lines = await findLineQuantities(tx.db, [id]);
  if (move.refuseOnceGoodsMoved) {
    if (await haveGoodsMoved(tx, lines, move.refuseOnceGoodsMoved)) {
      throw new AppError(
        'invalid_transition',
        `return ${row.rma_number} cannot be ${move.to} now: goods are on their way or have arrived, so they must be received and worked through`,
        { extensions: { from, to: move.to, allowedTransitions: [] } },
      );
    }
  }
  const isUpdated = await updateRmaStatus(tx.db, id, row.version, {
    ...move.changes,
    status: move.to,
    updated_at: tx.now,
  });
  if (!isUpdated)
    throw new AppError('version_conflict', `return ${row.rma_number} was changed concurrently; reload and try again`);
  if (releasesQuantityOnEntry(move.to)) {
    for (const line of lines) {
      if (line.order_line_id) await releaseReturnQuantity(tx, line.order_line_id, line.quantity);
    }
    await deactivateSerials(tx.db, id);
  }
  tx.audit({
    entityType: 'rma',
    entityId: id,
    action: move.action,
    before: { status: from, version: row.version },
    after: { status: move.to, ...move.auditDetails },
  });
  tx.emit({
    type: move.event,
    aggregateType: 'rma',
    aggregateId: id,
    payload: { rmaId: id, rmaNumber: row.rma_number, from, to: move.to },
  });
  return row;
}

export async function approveRma(
  platform: Platform,
  ctx: RequestContext,
  id: string,
  comment: string,
  expectedVersion: number | undefined,
  loadFacts: LoadReturnFacts,
  onAuthorized?: OnReturnAuthorized,
): Promise<Rma> {
  assertCan(ctx.actor, 'returns.decide');
  await runInTransaction(platform, ctx, async (tx) => {
    const row = await findRmaRow(tx.db, id);
    // Segregation of duties: whoever asked for a return does not also approve it.
    if (row?.requested_by_id === ctx.actor.personId) {
      throw new AppError('forbidden', 'you requested this return, so another manager must approve it');
    }
    const policy = await findCurrentConfig(tx.db, 'return_policy');
    // Goods that are already on their way or here (an unauthorized arrival) cannot fail to ship in
    // time, so their authorization does not expire.
    const isGoodsMoved = await haveGoodsMoved(tx, await findLineQuantities(tx.db, [id]), loadFacts);
    const approved = await moveRma(tx, id, expectedVersion, {
      to: 'authorized',
      action: 'rma.approved',
      event: 'rma.authorized',
      changes: {
        decided_by: ctx.actor.name,
        decided_at: tx.now,
        decision_comment: comment,
        authorized_at: tx.now,
        expires_on: isGoodsMoved ? null : addDays(tx.today, policy.document.authorizationValidDays),
      },
      auditDetails: { comment, returnPolicyVersion: policy.version },
    });
    await routeAuthorizedReturn(tx, approved);
    await onAuthorized?.(tx, id);
  });
  return loadRma(platform.db, id, loadFacts);
}

export async function rejectRma(
  platform: Platform,
  ctx: RequestContext,
  id: string,
  comment: string,
  expectedVersion: number | undefined,
  loadFacts: LoadReturnFacts,
): Promise<Rma> {
  assertCan(ctx.actor, 'returns.decide');
  await runInTransaction(platform, ctx, (tx) =>
    moveRma(tx, id, expectedVersion, {
      to: 'rejected',
      action: 'rma.rejected',
      event: 'rma.rejected',
      changes: { decided_by: ctx.actor.name, decided_at: tx.now, decision_comment: comment },
      auditDetails: { comment },
    }),
  );
  return loadRma(platform.db, id, loadFacts);
}

export async function cancelRma(
  platform: Platform,
  ctx: RequestContext,
  id: string,
  reason: string,
  expectedVersion: number | undefined,
  loadFacts: LoadReturnFacts,
  onClosedUnreceived?: OnReturnClosedUnreceived,
): Promise<Rma> {
  assertCan(ctx.actor, 'returns.cancel');
  await runInTransaction(platform, ctx, async (tx) => {
    await moveRma(tx, id, expectedVersion, {
      to: 'cancelled',
      action: 'rma.cancelled',
      event: 'rma.cancelled',
      changes: {},
      auditDetails: { reason },
      refuseOnceGoodsMoved: loadFacts,
    });
    await onClosedUnreceived?.(tx, id, 'cancelled');
  });
  return loadRma(platform.db, id, loadFacts);
}

/**
 * Closes a return once its goods are worked through: nothing on its way, nothing awaiting
 * inspection or disposition, and at least one unit received (a return with none is cancelled or
 * expires instead). Units authorized but never shipped are given up with it. Closing is the
 * return's final settlement: the KPIs' cycle time ends here.
 */
export async function closeRma(
  platform: Platform,
  ctx: RequestContext,
  id: string,
  note: string,
  expectedVersion: number | undefined,
  loadFacts: LoadReturnFacts,
): Promise<Rma> {
  assertCan(ctx.actor, 'returns.close');
  await runInTransaction(platform, ctx, async (tx) => {
    const lines = await findLineQuantities(tx.db, [id]);
    const facts = await loadFacts(tx.db, [id]);
    const perLine = lines.map((line) => factsOfLine(facts, line.id));
    const units = lines.map((line, i) => countUnits(line.quantity, perLine[i]!));
    const total = (pick: (u: (typeof units)[number]) => number) => units.reduce((n, u) => n + pick(u), 0);
    const row = await findRmaToChange(tx, id, expectedVersion);
    const open = total((u) => u.inTransit + u.awaitingInspection + u.awaitingDisposition);
    const received = perLine.reduce((n, f) => n + f.received, 0);
    if (row.status === 'authorized' && (open > 0 || received === 0))
      throw new AppError(
        'invalid_transition',
        received === 0
          ? `return ${row.rma_number} has no goods received: cancel it instead`
          : `return ${row.rma_number} cannot be closed yet: ${total((u) => u.inTransit)} in transit, ${total((u) => u.awaitingInspection)} awaiting inspection, ${total((u) => u.awaitingDisposition)} awaiting disposition`,
        { extensions: { from: row.status, to: 'closed', allowedTransitions: [] } },
      );
    await moveRma(tx, id, expectedVersion, {
      to: 'closed',
      action: 'rma.closed',
      event: 'rma.closed',
      changes: {},
      auditDetails: { note },
    });
  });
  return loadRma(platform.db, id, loadFacts);
}

/** Expires authorizations whose validity ended with nothing shipped. Safe to run from several processes. */
export async function expireDueAuthorizations(
  platform: Platform,
  ctx: RequestContext,
  loadFacts: LoadReturnFacts,
  onClosedUnreceived?: OnReturnClosedUnreceived,
): Promise<{ expired: string[] }> {
  assertCan(ctx.actor, 'returns.expire');
  const today = platform.clock.now().toISOString().slice(0, 10);
  const due = await findDueAuthorizations(platform.db, today, 500);
  const expired: string[] = [];
  for (const candidate of due) {
    try {
      await runInTransaction(platform, ctx, async (tx) => {
        await moveRma(tx, candidate.id, candidate.version, {
          to: 'expired',
          action: 'rma.expired',
          event: 'rma.expired',
          changes: {},
          auditDetails: { expiredOn: today },
          refuseOnceGoodsMoved: loadFacts,
        });
        await onClosedUnreceived?.(tx, candidate.id, 'expired');
      });
      expired.push(candidate.id);
    } catch (error) {
      // Another process expired or changed it first; nothing to do.
      if (!(error instanceof AppError)) throw error;
    }
  }
  return { expired };
}
