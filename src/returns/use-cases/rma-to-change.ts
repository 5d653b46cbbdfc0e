// The first lines of every edit of a return: it must exist and be the actor's to see (another
// account's return is "not found"), and, when the caller sent If-Match, still be at that version.
import type { Tx } from '../../platform/unit-of-work.js';
import { isVisibleToActor } from '../../platform/access.js';
import { AppError } from '../../platform/errors.js';
import { findRmaRow } from '../rma.repository.js';

export async function findRmaToChange(tx: Tx, id: string, expectedVersion: number | undefined) {
  const row = await findRmaRow(tx.db, id);
  if (!row || !isVisibleToActor(tx.ctx.actor, row.customer_id))
    throw new AppError('not_found', `return ${id} was not found`);
  if (expectedVersion !== undefined && expectedVersion !== row.version) {
    throw new AppError(
      'precondition_failed',
      `return ${row.rma_number} is at version ${row.version}, not ${expectedVersion}; someone else changed it — reload`,
    );
  }
  return row;
}
