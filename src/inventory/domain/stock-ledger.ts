// Movements applied to balances, as pure functions. The database does the same with a guarded
// UPDATE per movement (stock-movements.ts plans its moves with planMove below); this is the model
// the property tests hold to the invariants: every request is applied whole or refused whole, no
// balance is ever negative, and units are conserved (units received = on hand + units that left).
//
// A balance is kept per return line too: units of a product in one bin may have come back on
// several returns, and which return a unit came back on matters later (the vendor claim, the
// credit, "where is my unit"). A move that names no return line takes units line by line, oldest
// return line first, and is written as one movement per line.
import type { StockStatus } from '../../contracts/inventory.js';
import { canChangeStatus, canLeaveStock, describeStatus, isOnHand, RECEIVED_STATUS } from './stock-status.js';

/** A place stock can be: a location of a site, in a status. */
export interface StockPlace {
  siteId: string;
  locationId: string;
  status: StockStatus;
}

/**
 * A movement of units of one product (and lot / serial / return line: '' when untracked or
 * none). `from: null` is units entering stock (a receipt), `to: null` units leaving it.
 */
export interface MovementDraft {
  productId: string;
  from: StockPlace | null;
  to: StockPlace | null;
  quantity: number;
  lot: string;
  serial: string;
  rmaLineId: string;
}

/** What someone asks to move: the return line may be left open (any line's units there). */
export type MoveRequest = Omit<MovementDraft, 'rmaLineId'> & { rmaLineId?: string | undefined };

export type MovementKind = 'receipt' | 'move' | 'issue';

export type MovementRefusal =
  | 'quantity_not_positive'
  | 'no_ends'
  | 'not_on_hand_status'
  | 'entry_not_into_inspection'
  | 'transition_not_allowed'
  | 'cannot_leave_from_status'
  | 'different_sites'
  | 'same_place'
  | 'serial_quantity'
  | 'insufficient_stock'
  | 'serial_already_on_hand';

export interface Refused {
  ok: false;
  refusal: MovementRefusal;
  message: string;
  /** The field of the request at fault, if one is. */
  path?: string;
}
export type Checked = { ok: true; kind: MovementKind } | Refused;

const refuse = (refusal: MovementRefusal, message: string, path?: string): Refused => ({
  ok: false,
  refusal,
  message,
  ...(path ? { path } : {}),
});

/**
 * Whether a movement makes sense at all, before looking at any balance: positive whole units, at
 * least one end, on-hand statuses, an allowed status change, one site, a serial is one unit.
 */
export function checkMovement(m: MovementDraft): Checked {
  if (!Number.isSafeInteger(m.quantity) || m.quantity <= 0)
    return refuse('quantity_not_positive', 'a movement moves a whole number of units, at least one', 'quantity');
  if (m.serial !== '' && m.quantity !== 1)
    return refuse('serial_quantity', `serial ${m.serial} is one unit: move it with quantity 1`, 'quantity');
  const { from, to } = m;
  if (!from && !to) return refuse('no_ends', 'a movement needs a place to come from or to go to');
  for (const [end, place] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (place && !isOnHand(place.status))
      return refuse(
        'not_on_hand_status',
        `units ${describeStatus(place.status)} are not stock on hand yet: stock begins at the receipt`,
        `${end}.status`,
      );
  }
  if (!from) {
    if (to!.status !== RECEIVED_STATUS)
      return refuse(
        'entry_not_into_inspection',
        `received units start ${describeStatus(RECEIVED_STATUS)}, not ${describeStatus(to!.status)}`,
        'to.status',
      );
    return { ok: true, kind: 'receipt' };
  }
  if (!isOnHand(from.status)) return refuse('not_on_hand_status', 'not stock on hand', 'from.status');
  if (!to) {
    if (!canLeaveStock(from.status))
      return refuse(
        'cannot_leave_from_status',
        `units ${describeStatus(from.status)} cannot leave stock: decide what happens to them first`,
        'to',
      );
    return { ok: true, kind: 'issue' };
  }
  if (!isOnHand(to.status)) return refuse('not_on_hand_status', 'not stock on hand', 'to.status');
  if (from.siteId !== to.siteId)
    return refuse('different_sites', 'stock moves within one site; between sites it is a transfer', 'to');
  if (from.locationId === to.locationId && from.status === to.status)
    return refuse('same_place', 'the units are already there', 'to');
  if (!canChangeStatus(from.status, to.status))
    return refuse(
      'transition_not_allowed',
      `units ${describeStatus(from.status)} cannot become ${describeStatus(to.status)}`,
      'to.status',
    );
  return { ok: true, kind: 'move' };
}

/** Balances by key; absent keys hold zero. */
export type Balances = ReadonlyMap<string, number>;

export interface BalanceKey extends StockPlace {
  productId: string;
  lot: string;
  serial: string;
  rmaLineId: string;
}

export function balanceKey(k: BalanceKey): string {
  return JSON.stringify([k.productId, k.siteId, k.locationId, k.status, k.lot, k.serial, k.rmaLineId]);
}

export function parseBalanceKey(key: string): BalanceKey {
  const [productId, siteId, locationId, status, lot, serial, rmaLineId] = JSON.parse(key) as [
    string,
    string,
    string,
    StockStatus,
    string,
    string,
    string,
  ];
  return { productId, siteId, locationId, status, lot, serial, rmaLineId };
}

const keyAt = (m: MovementDraft, place: StockPlace) =>
  balanceKey({ ...place, productId: m.productId, lot: m.lot, serial: m.serial, rmaLineId: m.rmaLineId });

export type Applied = { ok: true; kind: MovementKind; balances: Balances } | Refused;

/** The balances after the movement, or why it is refused (the balances given are never changed). */
export function applyMovement(balances: Balances, m: MovementDraft): Applied {
  const checked = checkMovement(m);
  if (!checked.ok) return checked;
  const next = new Map(balances);
  if (m.from) {
    const key = keyAt(m, m.from);
    const held = next.get(key) ?? 0;
    if (held < m.quantity)
      return refuse('insufficient_stock', `only ${held} unit(s) there, not ${m.quantity}`, 'quantity');
    next.set(key, held - m.quantity);
  }
  if (m.to) {
    // A serial is one unit: it may be on hand in one place only.
    if (m.serial !== '' && serialOnHand(next, m.productId, m.serial))
      return refuse('serial_already_on_hand', `serial ${m.serial} is already in stock`, 'serial');
    const key = keyAt(m, m.to);
    next.set(key, (next.get(key) ?? 0) + m.quantity);
  }
  return { ok: true, kind: checked.kind, balances: next };
}

function serialOnHand(balances: Balances, productId: string, serial: string): boolean {
  for (const [key, quantity] of balances) {
    if (quantity <= 0) continue;
    const k = parseBalanceKey(key);
    if (k.productId === productId && k.serial === serial) return true;
  }
  return false;
}

export function unitsOnHand(balances: Balances, productId?: string): number {
  let total = 0;
  for (const [key, quantity] of balances)
    if (!productId || parseBalanceKey(key).productId === productId) total += quantity;
  return total;
}

/** Available to promise: saleable units only, of a product, at one site or all. */
export function availableToPromise(balances: Balances, productId: string, siteId?: string): number {
  let total = 0;
  for (const [key, quantity] of balances) {
    const k = parseBalanceKey(key);
    if (k.productId === productId && k.status === 'saleable' && (!siteId || k.siteId === siteId)) total += quantity;
  }
  return total;
}

/**
 * The movements a request becomes: one per return line whose units it takes. Units entering stock
 * keep the line they are received for; a move naming a line takes that line's units only; one
 * naming none takes the units at the place line by line, oldest return line first (ids are
 * time-ordered). Refused whole when the place does not hold enough.
 */
export function planMove(balances: Balances, request: MoveRequest): MovementDraft[] | Refused {
  const checked = checkMovement({ ...request, rmaLineId: request.rmaLineId ?? '' });
  if (!checked.ok) return checked;
  const { from } = request;
  if (!from) return [{ ...request, rmaLineId: request.rmaLineId ?? '' }];
  const here = [...balances]
    .map(([key, quantity]) => ({ key: parseBalanceKey(key), quantity }))
    .filter(
      ({ key, quantity }) =>
        quantity > 0 &&
        key.productId === request.productId &&
        key.siteId === from.siteId &&
        key.locationId === from.locationId &&
        key.status === from.status &&
        key.lot === request.lot &&
        key.serial === request.serial &&
        (request.rmaLineId === undefined || key.rmaLineId === request.rmaLineId),
    )
    .sort((a, b) => (a.key.rmaLineId < b.key.rmaLineId ? -1 : a.key.rmaLineId > b.key.rmaLineId ? 1 : 0));
  const held = here.reduce((sum, row) => sum + row.quantity, 0);
  if (held < request.quantity)
    return refuse(
      'insufficient_stock',
      `only ${held} unit(s) ${describeStatus(from.status)} there${request.rmaLineId ? ' of that return line' : ''}, not ${request.quantity}`,
      'quantity',
    );
  const drafts: MovementDraft[] = [];
  let left = request.quantity;
  for (const row of here) {
    if (left === 0) break;
    const take = Math.min(left, row.quantity);
    drafts.push({ ...request, quantity: take, rmaLineId: row.key.rmaLineId });
    left -= take;
  }
  return drafts;
}

/** A request planned and applied, all of it or nothing. */
export function applyRequest(
  balances: Balances,
  request: MoveRequest,
): { ok: true; balances: Balances; movements: MovementDraft[] } | Refused {
  const planned = planMove(balances, request);
  if (!Array.isArray(planned)) return planned;
  let next = balances;
  for (const draft of planned) {
    const applied = applyMovement(next, draft);
    if (!applied.ok) return applied;
    next = applied.balances;
  }
  return { ok: true, balances: next, movements: planned };
}
