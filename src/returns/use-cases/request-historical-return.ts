// A return that happened in the past, recorded from another system's history (the UCI import's
// cancellation invoices). It goes through the same request step as any return — eligibility by
// the policy, the quantity held on the order line so no more than was shipped can ever come
// back — but judged as of the day it happened, not today: importing 2011 is not a request made
// in 2026 and refused as fifteen years late. The RMA is created and authorized at that date; the
// decision was the source system's (a cancellation was issued), so a return our approval rules
// would send to a manager is recorded as authorized by it, and the authorization does not expire.
import type { CreateRmaRequest, Rma } from '../../contracts/returns.js';
import type { ReturnChannel } from '../../contracts/returns-vocabulary.js';
import type { Tx } from '../../platform/unit-of-work.js';
import { AppError } from '../../platform/errors.js';
import { requestReturn } from './create-rma.js';

export interface HistoricalReturn {
  /** When it happened (ISO timestamp): the request, the decision and the return window's "today". */
  at: string;
  /** The source's decision, e.g. 'UCI cancellation invoice C536391'. */
  decidedBy: string;
  comment: string;
  channel: ReturnChannel;
}

export async function requestHistoricalReturn(
  tx: Tx,
  request: CreateRmaRequest,
  history: HistoricalReturn,
): Promise<Rma> {
  const at = new Date(history.at);
  if (Number.isNaN(at.getTime()))
    throw new AppError('validation_failed', `the historical return's date ${history.at} is not a date`);
  // History cannot be recorded from the future: that would be a request, not a fact.
  if (at.getTime() > Date.parse(tx.now))
    throw new AppError('validation_failed', `the historical return's date ${history.at} is after now (${tx.now})`);
  const now = at.toISOString();
  const asOfThen: Tx = { ...tx, now, today: now.slice(0, 10) };
  return requestReturn(asOfThen, request, undefined, {
    channel: history.channel,
    history: { decidedBy: history.decidedBy, comment: history.comment },
  });
}
