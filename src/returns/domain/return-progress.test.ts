import { describe, expect, it } from 'vitest';
import {
  deriveLineProgress,
  deriveReturnProgress,
  hasGoodsMoved,
  mergeLineFacts,
  movesAllowedBy,
  NO_FACTS,
} from './return-progress.js';

describe('return progress', () => {
  it('waits for approval, and says so when the goods are already at the dock', () => {
    expect(deriveLineProgress('pending_approval', 2, NO_FACTS).label).toBe('Awaiting approval');
    const arrived = deriveLineProgress('pending_approval', 2, { ...NO_FACTS, received: 2 });
    expect(arrived.stage).toBe('awaiting_approval');
    expect(arrived.label).toBe('Arrived (2 of 2 units), awaiting approval');
  });

  it('follows an authorized line from shipment to completion', () => {
    const stages = [
      NO_FACTS,
      { ...NO_FACTS, inTransit: 3 },
      { ...NO_FACTS, inTransit: 1, received: 2 },
      { ...NO_FACTS, received: 3, inspected: 1 },
      { ...NO_FACTS, received: 3, inspected: 3, dispositioned: { restock: 1 } },
      { ...NO_FACTS, received: 3, inspected: 3, dispositioned: { restock: 3 } },
      { ...NO_FACTS, received: 3, inspected: 3, dispositioned: { restock: 3 }, settled: 3 },
    ].map((facts) => deriveLineProgress('authorized', 3, facts));
    expect(stages.map((p) => p.label)).toEqual([
      'Authorized, awaiting shipment',
      'In transit',
      'Partially received · 2 of 3 units received · 1 in transit',
      'Awaiting inspection · 1 of 3 units inspected',
      'Awaiting disposition · 1 of 3 units dispositioned',
      'Dispositioned, awaiting settlement',
      'Complete',
    ]);
  });

  it('keeps three units of one line in three different places apart', () => {
    const progress = deriveLineProgress('authorized', 3, {
      inTransit: 0,
      received: 3,
      inspected: 3,
      dispositioned: { restock: 1, return_to_vendor: 1, scrap: 1 },
      settled: 0,
    });
    expect(progress.stage).toBe('dispositioned');
    expect(progress.units.dispositioned).toEqual({ restock: 1, return_to_vendor: 1, scrap: 1 });
  });

  it('shows a credit granted on authorization before anything has shipped', () => {
    const progress = deriveLineProgress('authorized', 4, { ...NO_FACTS, settled: 4 });
    expect(progress.stage).toBe('awaiting_shipment');
    expect(progress.label).toBe('Authorized, awaiting shipment · credited');
  });

  it('counts an over-receipt as units of the line rather than losing them', () => {
    const progress = deriveLineProgress('authorized', 2, { ...NO_FACTS, received: 3 });
    expect(progress.units.total).toBe(3);
    expect(progress.units.awaitingInspection).toBe(3);
  });

  it('stages a return with diverging lines by its least advanced units', () => {
    const { progress, lines } = deriveReturnProgress('authorized', [
      { quantity: 2, facts: { ...NO_FACTS, received: 2, inspected: 2, dispositioned: { restock: 2 }, settled: 2 } },
      { quantity: 5, facts: NO_FACTS },
    ]);
    expect(lines.map((l) => l.stage)).toEqual(['complete', 'awaiting_shipment']);
    expect(progress.stage).toBe('partially_received');
    expect(progress.label).toBe('Partially received · 2 of 7 units received · 2 of 7 units credited');
  });

  it('shows the end of the authorization whatever the goods did', () => {
    expect(deriveLineProgress('rejected', 1, { ...NO_FACTS, received: 1 }).stage).toBe('rejected');
    expect(deriveLineProgress('expired', 1, NO_FACTS).label).toBe('Expired');
  });

  it('merges the parts each stage supplied', () => {
    expect(
      mergeLineFacts([{ received: 2 }, { inspected: 1, dispositioned: { scrap: 1 } }, { dispositioned: { scrap: 0 } }]),
    ).toEqual({ inTransit: 0, received: 2, inspected: 1, dispositioned: { scrap: 1 }, settled: 0 });
  });

  it('offers cancel and expiry only while every unit is still expected', () => {
    const moves = ['cancelled', 'expired', 'closed'] as const;
    expect(movesAllowedBy(moves, deriveLineProgress('authorized', 2, NO_FACTS).units)).toEqual([...moves]);
    const arrived = deriveLineProgress('authorized', 2, { ...NO_FACTS, received: 1 }).units;
    expect(movesAllowedBy(moves, arrived)).toEqual(['closed']);
  });

  it('knows when goods have moved, so cancel and expiry stop', () => {
    expect(hasGoodsMoved([NO_FACTS, { ...NO_FACTS, settled: 1 }])).toBe(false);
    expect(hasGoodsMoved([NO_FACTS, { ...NO_FACTS, inTransit: 1 }])).toBe(true);
    expect(hasGoodsMoved([{ ...NO_FACTS, received: 1 }])).toBe(true);
  });
});
