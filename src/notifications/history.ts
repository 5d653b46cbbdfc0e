// Events a loader wrote (the demo's thousands of returns) are history, not news: nobody is mailed
// about them. Called once the load has committed, before any worker looks at them.
import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/database.js';
import { markAllEventsNotified } from '../platform/outbox/outbox.js';

export function markHistoryNotified(db: Kysely<DB>, now = new Date()): Promise<void> {
  return markAllEventsNotified(db, now.toISOString());
}
