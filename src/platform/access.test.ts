import { describe, expect, it } from 'vitest';
import type { Actor } from './actor.js';
import { isVisibleToActor } from './access.js';

const actor = (overrides: Partial<Actor>): Actor => ({
  kind: 'user',
  id: 'usr_1',
  personId: 'usr_1',
  name: 'Someone',
  role: 'cs_agent',
  customerId: null,
  ...overrides,
});

describe('whose records an actor sees', () => {
  it('staff see every account; a customer only their own', () => {
    expect(isVisibleToActor(actor({}), 'cus_a')).toBe(true);
    expect(isVisibleToActor(actor({ role: 'customer', customerId: 'cus_a' }), 'cus_a')).toBe(true);
    expect(isVisibleToActor(actor({ role: 'customer', customerId: 'cus_a' }), 'cus_b')).toBe(false);
  });

  it("a repair partner's user or key, with no customer account, sees no customer's records", () => {
    expect(isVisibleToActor(actor({ role: 'repair_partner', partnerId: 'ptn_a' }), 'cus_a')).toBe(false);
    expect(isVisibleToActor(actor({ kind: 'api_key', role: 'repair_partner', partnerId: null }), 'cus_a')).toBe(false);
  });
});
