// The port through which later stages act in the very transaction that ends a return before its
// goods arrived (cancelled, or expired with nothing shipped): settlement takes back the credit it
// gave ahead of proof for the units that never came. Returns does not import settlement (it builds
// on returns); the composition root hands the routes and the expiry job the step
// (workflows/withdraw-unreceived-credit.ts), and callers without one (seeders, tests) end without it.
import type { Tx } from '../platform/unit-of-work.js';

export type ReturnEndedUnreceived = 'cancelled' | 'expired';

export type OnReturnClosedUnreceived = (tx: Tx, rmaId: string, cause: ReturnEndedUnreceived) => Promise<unknown>;
