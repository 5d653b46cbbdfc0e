// Every stage that holds facts about a return's goods, asked together. The return's progress is
// derived from these (returns/domain/return-progress.ts); as stages land, they join this list.
import { combineFactSources, type LoadReturnFacts, type ReturnFactsSource } from '../returns/index.js';
import { findShippedUnits, HANDED_TO_CARRIER } from '../logistics/index.js';
import { findReceivedUnits } from '../receiving/index.js';
import { findInspectedUnits } from '../inspection/index.js';
import { findDispositionedUnits } from '../disposition/index.js';
import { findSettledUnits } from '../settlement/index.js';

/**
 * Logistics knows what the carriers have, receiving what arrived. Units in transit are those a
 * carrier took (a delivered parcel too, until it is received) and that have not been received
 * yet; neither stage alone can say it, so the two facts meet here.
 */
const goodsOnTheWayAndReceived: ReturnFactsSource = async (db, rmaIds) => {
  const shipped = await findShippedUnits(db, rmaIds, HANDED_TO_CARRIER);
  const received = await findReceivedUnits(db, rmaIds);
  const lineIds = new Set([...shipped.map((s) => s.rmaLineId), ...received.map((r) => r.rmaLineId)]);
  const shippedOf = new Map(shipped.map((s) => [s.rmaLineId, s.units]));
  const receivedOf = new Map(received.map((r) => [r.rmaLineId, r.received]));
  return [...lineIds].map((rmaLineId) => {
    const receivedUnits = receivedOf.get(rmaLineId) ?? 0;
    return {
      rmaLineId,
      received: receivedUnits,
      inTransit: Math.max(0, (shippedOf.get(rmaLineId) ?? 0) - receivedUnits),
    };
  });
};

/** Units whose inspection is finished (signed off, for regulated goods). */
const inspected: ReturnFactsSource = (db, rmaIds) => findInspectedUnits(db, rmaIds);

/** Inspected units with an executed disposition, by disposition code. */
const dispositioned: ReturnFactsSource = (db, rmaIds) => findDispositionedUnits(db, rmaIds);

/** Units credited on issued credit memos. */
const settled: ReturnFactsSource = (db, rmaIds) => findSettledUnits(db, rmaIds);

export const loadReturnFacts: LoadReturnFacts = combineFactSources([
  goodsOnTheWayAndReceived,
  inspected,
  dispositioned,
  settled,
]);
