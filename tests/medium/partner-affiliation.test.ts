// The rule binding a partner role to the organisation its users and keys act for
// (identity/partner-affiliation.ts), against real partner and supplier rows: a carrier's logins
// belong to exactly one active carrier, and no partner of another kind will do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertPartnerFitsRole } from '../../src/identity/index.js';
import { SUPPLIERS, createMasterRecord } from '../../src/masterdata/index.js';
import { systemContext } from '../../src/platform/actor.js';
import { AppError } from '../../src/platform/errors.js';
import { DIALECTS } from '../support/databases.js';
import { makeLegalEntity, makePartner } from '../support/factories.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';

describe.each(DIALECTS)('partner affiliation on %s', (dialect) => {
  let t: TestPlatform;
  let carrier: { id: string };
  let repairer: { id: string };
  let supplier: { id: string };

  beforeAll(async () => {
    t = await startTestPlatform(dialect);
    const entity = await makeLegalEntity(t.platform);
    carrier = await makePartner(t.platform, entity.id, { kind: 'carrier', carrierCodes: ['ups'] });
    repairer = await makePartner(t.platform, entity.id);
    supplier = await createMasterRecord(
      t.platform,
      systemContext('test'),
      SUPPLIERS,
      SUPPLIERS.inputSchema.parse({
        code: 'SUP-AFF',
        name: 'Affiliated supplier',
        legalEntityId: entity.id,
        currency: 'USD',
      }),
    );
  });
  afterAll(() => t?.close());

  /** The refusal's message and its field's, or 'fits' when the role and partner go together. */
  async function verdict(role: Parameters<typeof assertPartnerFitsRole>[1], partnerId: string | null) {
    try {
      await assertPartnerFitsRole(t.platform.db, role, partnerId);
      return 'fits';
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      expect(error.code).toBe('validation_failed');
      return `${error.message} [${error.errors?.map((e) => `${e.path}: ${e.message}`).join('; ')}]`;
    }
  }

  it('a carrier login acts for exactly one active carrier', async () => {
    expect(await verdict('carrier', carrier.id)).toBe('fits');
    expect(await verdict('carrier', null)).toBe(
      'a carrier user or key needs the carrier it acts for [partnerId: choose the carrier]',
    );
    expect(await verdict('carrier', 'ptn_missing')).toBe(
      'ptn_missing is not an active carrier [partnerId: unknown partner]',
    );
  });

  it('a repair partner is no carrier, a carrier no repair partner, and a supplier neither', async () => {
    expect(await verdict('carrier', repairer.id)).toMatch(
      /is a repair partner, not a carrier \[partnerId: not a carrier\]$/,
    );
    expect(await verdict('repair_partner', carrier.id)).toMatch(
      /is a carrier partner, not a repair partner \[partnerId: not a repair partner\]$/,
    );
    expect(await verdict('carrier', supplier.id)).toBe(
      `${supplier.id} is not an active carrier [partnerId: unknown partner]`,
    );
    expect(await verdict('supplier', carrier.id)).toBe(`${carrier.id} is not a supplier [partnerId: unknown supplier]`);
    expect(await verdict('repair_partner', repairer.id)).toBe('fits');
    expect(await verdict('supplier', supplier.id)).toBe('fits');
  });

  it('staff and customers belong to no carrier', async () => {
    for (const role of ['warehouse', 'admin', 'customer'] as const)
      expect(await verdict(role, carrier.id)).toBe(
        `only repair partner, supplier and carrier users and keys belong to a partner [partnerId: leave empty for role ${role}]`,
      );
    expect(await verdict('warehouse', null)).toBe('fits');
  });

  it('a deactivated carrier takes no new logins', async () => {
    const entity = await makeLegalEntity(t.platform);
    const closing = await makePartner(t.platform, entity.id, { kind: 'carrier', carrierCodes: ['fedex'] });
    expect(await verdict('carrier', closing.id)).toBe('fits');
    await t.platform.db.updateTable('partners').set({ is_active: 0 }).where('id', '=', closing.id).execute();
    expect(await verdict('carrier', closing.id)).toBe(
      `${closing.id} is not an active carrier [partnerId: inactive partner]`,
    );
  });
});
