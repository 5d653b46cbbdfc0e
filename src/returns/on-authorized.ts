// The port through which later stages act in the very transaction that authorizes a return —
// settlement credits a trusted customer's return on authorization. Returns does not import them
// (they build on returns); the composition root hands the routes the step
// (workflows/credit-ahead.ts), and callers without one (seeders, tests) authorize without it.
import type { Tx } from '../platform/unit-of-work.js';

export type OnReturnAuthorized = (tx: Tx, rmaId: string) => Promise<unknown>;
