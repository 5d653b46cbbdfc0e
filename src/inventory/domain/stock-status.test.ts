import { describe, expect, it } from 'vitest';
import { STOCK_STATUSES } from '../../contracts/inventory.js';
import { canChangeStatus, canLeaveStock, isOnHand, nextStatuses, ON_HAND_STATUSES } from './stock-status.js';
import { checkMovement, planMove, type MovementDraft } from './stock-ledger.js';

const at = (status: (typeof STOCK_STATUSES)[number], locationId = 'loc_a') => ({
  siteId: 'site_1',
  locationId,
  status,
});
const draft = (overrides: Partial<MovementDraft>): MovementDraft => ({
  productId: 'prd_1',
  from: at('awaiting_inspection'),
  to: at('saleable'),
  quantity: 1,
  lot: '',
  serial: '',
  rmaLineId: 'rml_1',
  ...overrides,
});

describe('stock statuses', () => {
  it('holds every status but expected and in transit as stock on hand', () => {
    expect(STOCK_STATUSES.filter((s) => !isOnHand(s))).toEqual(['expected', 'in_transit']);
    expect(ON_HAND_STATUSES).toHaveLength(9);
  });

  it('sends inspected units anywhere, and scrapped units nowhere', () => {
    expect(nextStatuses('awaiting_inspection')).toEqual(
      expect.arrayContaining(['saleable', 'quarantined', 'in_repair', 'scrapped', 'secondary_channel']),
    );
    expect(nextStatuses('scrapped')).toEqual([]);
    for (const status of ON_HAND_STATUSES) {
      expect(canChangeStatus(status, status)).toBe(true);
      if (status !== 'scrapped') expect(canChangeStatus('scrapped', status)).toBe(false);
      // Nothing goes back to "just arrived" from the shelf.
      if (status !== 'awaiting_inspection') expect(canChangeStatus('saleable', 'awaiting_inspection')).toBe(false);
    }
  });

  it('lets units leave stock only once decided', () => {
    expect(canLeaveStock('awaiting_inspection')).toBe(false);
    // Held goods may go back to the customer they came from (by their shipment, never by hand).
    expect(canLeaveStock('quarantined')).toBe(true);
    expect(canLeaveStock('in_repair')).toBe(false);
    expect(canLeaveStock('on_vendor_return')).toBe(true);
    expect(canLeaveStock('scrapped')).toBe(true);
  });
});

describe('checking a movement', () => {
  it('accepts a receipt into inspection, a move, and units leaving', () => {
    expect(checkMovement(draft({ from: null, to: at('awaiting_inspection') }))).toEqual({ ok: true, kind: 'receipt' });
    expect(checkMovement(draft({}))).toEqual({ ok: true, kind: 'move' });
    expect(checkMovement(draft({ from: at('scrapped'), to: null }))).toEqual({ ok: true, kind: 'issue' });
    // Putaway: the same status at another location.
    expect(checkMovement(draft({ from: at('saleable'), to: at('saleable', 'loc_b') }))).toMatchObject({ ok: true });
  });

  it.each<[string, Partial<MovementDraft>, string]>([
    ['no units', { quantity: 0 }, 'quantity_not_positive'],
    ['part of a unit', { quantity: 1.5 }, 'quantity_not_positive'],
    ['a serial as two units', { serial: 'SN1', quantity: 2 }, 'serial_quantity'],
    ['nothing to nowhere', { from: null, to: null }, 'no_ends'],
    ['receipt straight to saleable', { from: null, to: at('saleable') }, 'entry_not_into_inspection'],
    ['units expected, as stock', { from: at('expected') }, 'not_on_hand_status'],
    ['into in transit', { to: at('in_transit') }, 'not_on_hand_status'],
    ['scrapped back to saleable', { from: at('scrapped'), to: at('saleable') }, 'transition_not_allowed'],
    ['uninspected units out of stock', { to: null }, 'cannot_leave_from_status'],
    ['to where they are', { to: at('awaiting_inspection') }, 'same_place'],
    ['to another site', { to: { siteId: 'site_2', locationId: 'loc_x', status: 'saleable' } }, 'different_sites'],
  ])('refuses %s', (_, overrides, refusal) => {
    expect(checkMovement(draft(overrides))).toMatchObject({ ok: false, refusal });
  });
});

describe('planning a move across return lines', () => {
  const key = (rmaLineId: string) =>
    JSON.stringify(['prd_1', 'site_1', 'loc_a', 'awaiting_inspection', '', '', rmaLineId]);
  const balances = new Map([
    [key('rml_2'), 2],
    [key('rml_1'), 1],
  ]);

  it('takes the oldest return line first and splits across lines', () => {
    const planned = planMove(balances, { ...draft({}), quantity: 3, rmaLineId: undefined });
    expect(planned).toEqual([
      expect.objectContaining({ rmaLineId: 'rml_1', quantity: 1 }),
      expect.objectContaining({ rmaLineId: 'rml_2', quantity: 2 }),
    ]);
  });

  it("takes only the named line's units, and refuses more than there are", () => {
    expect(planMove(balances, { ...draft({}), quantity: 2, rmaLineId: 'rml_2' })).toEqual([
      expect.objectContaining({ rmaLineId: 'rml_2', quantity: 2 }),
    ]);
    expect(planMove(balances, { ...draft({}), quantity: 2, rmaLineId: 'rml_1' })).toMatchObject({
      ok: false,
      refusal: 'insufficient_stock',
    });
    expect(planMove(balances, { ...draft({}), quantity: 4, rmaLineId: undefined })).toMatchObject({
      ok: false,
      refusal: 'insufficient_stock',
    });
  });
});
