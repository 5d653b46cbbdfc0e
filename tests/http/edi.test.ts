// EDI with trading partners through the API, on both databases: the two real 180s from the shared
// X12 samples become returns through the same request step as POST /returns (partner → customer,
// BLI → order line by PO and item, RDR through the partner's mapping table), the 997 and the
// answering 180 are queued and read back with the parser; lines the policy or the mapping refuses
// are answered line by line; a pending return gets its final answer once decided; an RMA goes out
// as a 180 that parses back to the same segments; credit memos and supplier claims go out as 812s;
// the folder transport reads and writes files; bad files are kept and rejected, never half-worked.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMasterRecord, SUPPLIERS } from '../../src/masterdata/index.js';
import { systemContext } from '../../src/platform/actor.js';
import {
  parseX12,
  readReturnRequest180,
  recordInboundDocument,
  writeX12,
  type Segment,
  type TransactionSet,
} from '../../src/edi/index.js';
import { runEdiExchange } from '../../src/workflows/index.js';
import { runInTransaction } from '../../src/platform/unit-of-work.js';
import { DIALECTS } from '../support/databases.js';
import { makeOrder, makeProduct } from '../support/factories.js';
import { expectProblem } from './support/problems.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import {
  call,
  completeInspection,
  dispose,
  ifMatch,
  makeSiteWorld,
  receivedReturn,
  startFlow,
  type Flow,
  type SiteWorld,
} from './support/inspection-flow.js';
import {
  approveAndIssue,
  inspectAndDispose,
  memosOfReturn,
  openReturn,
  receiveUnits,
  soldLine,
} from './support/settlement-flow.js';

const SHARED_180 = new URL('../../../shared/data/x12/oopfactory-x12parser/ORD/_180/', import.meta.url);
const hasShared = existsSync(new URL('FromEasistandards.txt', SHARED_180));
if (!hasShared && process.env.BOOMERANG_REQUIRE_SHARED === '1') throw new Error('../shared/data/x12 is absent');
if (!hasShared) console.warn('SKIPPED: EDI with the real 180s — ../shared/data/x12 is absent on this machine');
const real180 = (file: string) => readFileSync(new URL(file, SHARED_180), 'utf8');

interface Doc {
  id: string;
  partnerId: string | null;
  direction: 'in' | 'out';
  transactionSets: string[];
  status: string;
  errors: string[];
  records: Array<{ type: string; id: string; number: string | null }>;
  inReplyTo: string | null;
  content?: string;
}

interface Rma {
  id: string;
  rmaNumber: string;
  status: string;
  version: number;
  customerId: string;
  customerReference: string;
  returnType: string;
  channel: string;
  lines: Array<{ orderLineId: string; quantity: number; reasonCode: string; claimedCondition: string; sku: string }>;
}

describe.each(DIALECTS)('EDI with trading partners on %s', (dialect) => {
  let t: TestApp;
  let f: Flow;
  let admin: string;
  let manager: string;
  let finance: string;
  let seq = 0;
  const unique = () => `${dialect.slice(0, 2).toUpperCase()}${++seq}`;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    f = await startFlow(t);
    admin = await t.tokenFor('admin');
    manager = await t.tokenFor('cs_manager');
    finance = await t.tokenFor('finance');
  });
  afterAll(() => t.close());

  async function makePartner(world: SiteWorld, body: Record<string, unknown>) {
    const res = await call(f, admin, 'POST', '/edi/partners', {
      code: `TP-${unique()}`,
      name: `Partner ${seq}`,
      customerId: world.customer.id,
      groupId: 'THEM',
      ourInterchangeQualifier: 'ZZ',
      ourInterchangeId: 'BOOMERANG',
      ourGroupId: 'BOOMERANG',
      x12Version: '004010',
      documents: ['180_in', '180_out', '997_out', '812_out'],
      ...body,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string; code: string; version: number; mappings: Record<string, unknown> }>();
  }

  /** PATCH with If-Match (the flow's `call` speaks GET, POST and PUT). */
  function patch(token: string, url: string, payload: object, version: number) {
    return t.request(token, { method: 'PATCH', url: `/api/v1${url}`, headers: ifMatch(version), payload });
  }

  async function handIn(content: string, partnerId?: string, token = manager) {
    return call(f, token, 'POST', '/edi/inbound', { content, fileName: 'in.x12', ...(partnerId && { partnerId }) });
  }

  async function documentOf(id: string): Promise<Doc> {
    const res = await call(f, manager, 'GET', `/edi/documents/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Doc>();
  }

  /** The queued documents answering an inbound one, by transaction set, parsed. */
  async function answersTo(inbound: Doc) {
    const res = await call(
      f,
      manager,
      'GET',
      `/edi/documents?partnerId=${inbound.partnerId}&direction=out&pageSize=200`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const replies = res.json<{ items: Doc[] }>().items.filter((d) => d.inReplyTo === inbound.id);
    const bySet = async (code: string) => {
      const doc = replies.find((d) => d.transactionSets.includes(code));
      if (!doc) return undefined;
      const full = await documentOf(doc.id);
      return { doc: full, parsed: parseX12(full.content!) };
    };
    return { ack: await bySet('997'), answer: await bySet('180') };
  }

  const setsOf = (parsed: ReturnType<typeof parseX12>): TransactionSet[] =>
    parsed.interchanges.flatMap((i) => i.groups.flatMap((g) => g.transactionSets));
  const segment = (set: TransactionSet, id: string, nth = 0): string[] | undefined =>
    set.segments.filter((s) => s.id === id)[nth]?.elements;

  async function rma(id: string): Promise<Rma> {
    const res = await call(f, manager, 'GET', `/returns/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Rma>();
  }

  /** An order of the world's customer under `po`, of a product with `sku`. */
  async function sold(world: SiteWorld, po: string, shipped: number, product?: { id: string; sku: string }) {
    const item = product ?? (await makeProduct(t.platform, { warrantyMonths: 0 }));
    const order = await makeOrder(t.platform, {
      customerId: world.customer.id,
      legalEntityId: world.entity.id,
      customerPo: po,
      lines: [{ productId: item.id, quantityShipped: shipped, unitPriceMinor: 2_575, taxMinor: 0 }],
    });
    return { product: item, orderLineId: order.lines[0]!.id };
  }

  /** An interchange from the partner written with our own writer (for cases the real files do not cover). */
  function interchangeFrom(sender: string, body: Segment[], control = '000000901'): string {
    const segments: Segment[] = [
      {
        id: 'ISA',
        elements: [
          '00',
          ' '.repeat(10),
          '00',
          ' '.repeat(10),
          'ZZ',
          sender.padEnd(15),
          'ZZ',
          'BOOMERANG'.padEnd(15),
          '261126',
          '1000',
          'U',
          '00401',
          control,
          '0',
          'P',
          ':',
        ],
      },
      { id: 'GS', elements: ['AN', sender, 'BOOMERANG', '20261126', '1000', '77', 'X', '004010'] },
      { id: 'ST', elements: ['180', '0001'] },
      ...body,
      { id: 'SE', elements: [String(body.length + 2), '0001'] },
      { id: 'GE', elements: ['1', '77'] },
      { id: 'IEA', elements: ['1', control] },
    ];
    return writeX12(segments, { element: '*', component: ':', repetition: undefined, segment: '~', suffix: '\n' });
  }

  describe.skipIf(!hasShared)('the real 180s', () => {
    it("Easistandards' 180 becomes a return of the partner's customer, answered by a 997 and a 180", async () => {
      const world = await makeSiteWorld(t);
      const { product, orderLineId } = await sold(world, '123456789', 5);
      const partner = await makePartner(world, {
        interchangeQualifier: '01',
        interchangeId: '007061617bbbbbb',
        groupId: '007061617',
        ourInterchangeQualifier: '01',
        ourInterchangeId: '00507479bbbbbb',
        x12Version: '003030',
        mappings: {
          items: { qualifiers: { IN: 'cross_reference' }, crossReference: { '12345670000': product.sku } },
          reasons: { DR: { reasonCode: 'DEFECTIVE', claimedCondition: 'defective' } },
          dispositions: { CR: 'standard' },
        },
      });
      const res = await handIn(real180('FromEasistandards.txt'), partner.id);
      expect(res.statusCode, res.body).toBe(201);
      const inbound = res.json<Doc>();
      expect(inbound).toMatchObject({ direction: 'in', status: 'processed', errors: [], transactionSets: ['180'] });
      const created = inbound.records.find((r) => r.type === 'rma')!;
      const returned = await rma(created.id);
      expect(returned).toMatchObject({
        customerId: world.customer.id,
        customerReference: '04360132310',
        returnType: 'standard',
        channel: 'edi',
      });
      expect(returned.lines).toEqual([
        expect.objectContaining({
          orderLineId,
          quantity: 1,
          reasonCode: 'DEFECTIVE',
          claimedCondition: 'defective',
          sku: product.sku,
        }),
      ]);

      const { ack, answer } = await answersTo(inbound);
      const [ackSet] = setsOf(ack!.parsed);
      expect(segment(ackSet!, 'AK1')).toEqual(['BS', '1225']);
      expect(segment(ackSet!, 'AK2')).toEqual(['180', '234568790']);
      expect(segment(ackSet!, 'AK5')).toEqual(['A']);
      expect(segment(ackSet!, 'AK9')).toEqual(['A', '1', '1', '1']);
      // Addressed back to the sender, from the id it sent to.
      const isa = ack!.parsed.segments[0]!.elements;
      expect([isa[4], isa[5]!.trim(), isa[6], isa[7]!.trim()]).toEqual([
        '01',
        '00507479bbbbbb',
        '01',
        '007061617bbbbbb',
      ]);

      const [answerSet] = setsOf(answer!.parsed);
      expect(segment(answerSet!, 'BGN')!.slice(0, 2)).toEqual(['11', '04360132310']);
      expect(segment(answerSet!, 'N9')).toEqual(['RZ', returned.rmaNumber]);
      expect(segment(answerSet!, 'BLI')).toEqual(['IN', '12345670000', '1', 'EA']);
      expect(segment(answerSet!, 'RDR')).toEqual([returned.status === 'authorized' ? 'RA' : 'RP', 'DR']);

      // The same file again is recognised, and creates nothing.
      const again = await handIn(real180('FromEasistandards.txt'), partner.id);
      expect(again.statusCode, again.body).toBe(200);
      expect(again.json<Doc>().id).toBe(inbound.id);
      const returns = await call(f, manager, 'GET', `/returns?customerId=${world.customer.id}`);
      expect(returns.json<{ total: number }>().total).toBe(1);
    });

    it("Lowe's 180 (00500, '\\' terminator, a typographic apostrophe in ISA08) is refused line by line until its codes are mapped", async () => {
      const world = await makeSiteWorld(t);
      const { product } = await sold(world, '0123456789', 20);
      const partner = await makePartner(world, {
        interchangeQualifier: '08',
        interchangeId: '6135830004',
        groupId: '6135830004',
        ourInterchangeQualifier: '01',
        ourInterchangeId: 'receiver’s id',
        x12Version: '005040',
        // Defaults for reasons and dispositions: KA (keep with an allowance) is not among them.
        mappings: {
          items: { qualifiers: { PR: 'cross_reference' }, crossReference: { '1': product.sku } },
          reasons: { DA: { reasonCode: 'DAMAGED_IN_TRANSIT', claimedCondition: 'damaged_in_transit' } },
          dispositions: { CR: 'standard' },
        },
      });
      const refused = await handIn(real180('FromLowes.txt'), partner.id);
      expect(refused.statusCode, refused.body).toBe(201);
      const first = refused.json<Doc>();
      expect(first.status).toBe('processed_with_errors');
      expect(first.records.filter((r) => r.type === 'rma')).toEqual([]);
      expect(first.errors.join(' ')).toContain('RDR01 KA (keep with an allowance) is not a return we take');
      const { ack, answer } = await answersTo(first);
      // Read fine (997 accepts it); refused in business terms (180 RD with the response reason).
      expect(segment(setsOf(ack!.parsed)[0]!, 'AK5')).toEqual(['A']);
      const rdr = segment(setsOf(answer!.parsed)[0]!, 'RDR')!;
      expect(rdr.slice(0, 3)).toEqual(['RD', '', 'MI']);
      expect(rdr[3]).toContain('KA');

      // Mapped, the same request (resent with a new control number) becomes a return of 12 units.
      const current = await call(f, admin, 'GET', `/edi/partners/${partner.id}`);
      const mapped = await patch(
        admin,
        `/edi/partners/${partner.id}`,
        { mappings: { ...current.json<{ mappings: object }>().mappings, dispositions: { KA: 'standard' } } },
        current.json<{ version: number }>().version,
      );
      expect(mapped.statusCode, mapped.body).toBe(200);
      const resent = real180('FromLowes.txt')
        .replace('*123456789*0*P*', '*123456790*0*P*')
        .replace('IEA*1*123456789', 'IEA*1*123456790');
      const accepted = await handIn(resent, partner.id);
      expect(accepted.statusCode, accepted.body).toBe(201);
      const second = accepted.json<Doc>();
      expect(second.status, second.errors.join()).toBe('processed');
      const returned = await rma(second.records.find((r) => r.type === 'rma')!.id);
      expect(returned.customerReference).toBe('123401');
      expect(returned.lines).toEqual([
        expect.objectContaining({ quantity: 12, reasonCode: 'DAMAGED_IN_TRANSIT', sku: product.sku }),
      ]);
    });
  });

  describe('requests the policy answers line by line', () => {
    async function partnerWithSkuItems(world: SiteWorld) {
      const sender = `P${unique()}`;
      const partner = await makePartner(world, { interchangeQualifier: 'ZZ', interchangeId: sender, groupId: sender });
      return { partner, sender };
    }
    const line = (sku: string, quantity: number, po: string, reason = 'CO'): Segment[] => [
      { id: 'BLI', elements: ['VN', sku, String(quantity), 'EA'] },
      { id: 'RDR', elements: ['CR', reason] },
      { id: 'PRF', elements: [po] },
    ];

    it('authorizes what it may, refuses the rest with RDR03 (quantity, unknown item, no sale), one return', async () => {
      const world = await makeSiteWorld(t);
      const po = `PO-${unique()}`;
      const a = await sold(world, po, 3);
      const b = await sold(world, po, 2);
      const { partner, sender } = await partnerWithSkuItems(world);
      const content = interchangeFrom(sender, [
        { id: 'BGN', elements: ['00', 'REQ-1', '20261126'] },
        ...line(a.product.sku, 2, po),
        ...line(b.product.sku, 5, po),
        ...line('NO-SUCH-SKU', 1, po),
        ...line(a.product.sku, 1, 'OTHER-PO'),
      ]);
      const res = await handIn(content, partner.id);
      expect(res.statusCode, res.body).toBe(201);
      const inbound = res.json<Doc>();
      expect(inbound.status).toBe('processed_with_errors');
      const rmas = inbound.records.filter((r) => r.type === 'rma');
      expect(rmas).toHaveLength(1);
      const returned = await rma(rmas[0]!.id);
      expect(returned.lines).toEqual([
        expect.objectContaining({ orderLineId: a.orderLineId, quantity: 2, reasonCode: 'ORDERED_IN_ERROR' }),
      ]);

      const { answer } = await answersTo(inbound);
      const set = setsOf(answer!.parsed)[0]!;
      const rdrs = set.segments.filter((s) => s.id === 'RDR').map((s) => s.elements.slice(0, 3));
      expect(rdrs).toEqual([
        [returned.status === 'authorized' ? 'RA' : 'RP', 'CO'],
        ['RD', '', 'QD'],
        ['RD', '', 'UI'],
        ['RD', '', 'NR'],
      ]);
    });

    it('serial numbers come in N9*SE within the line, as a serialized return needs them', async () => {
      const world = await makeSiteWorld(t);
      const po = `PO-${unique()}`;
      const scanner = await makeProduct(t.platform, { isSerialized: true, warrantyMonths: 0 });
      const order = await makeOrder(t.platform, {
        customerId: world.customer.id,
        legalEntityId: world.entity.id,
        customerPo: po,
        lines: [{ productId: scanner.id, quantityShipped: 2, serialsShipped: ['SN-A', 'SN-B'], unitPriceMinor: 9_900 }],
      });
      const { partner, sender } = await partnerWithSkuItems(world);
      const res = await handIn(
        interchangeFrom(sender, [
          { id: 'BGN', elements: ['00', 'REQ-SN', '20261126'] },
          { id: 'BLI', elements: ['VN', scanner.sku, '1', 'EA'] },
          { id: 'N9', elements: ['SE', 'SN-B'] },
          { id: 'RDR', elements: ['CR', 'CO'] },
          { id: 'PRF', elements: [po] },
        ]),
        partner.id,
      );
      const inbound = res.json<Doc>();
      expect(inbound.status, inbound.errors.join()).toBe('processed');
      const returned = await call(f, manager, 'GET', `/returns/${inbound.records.find((r) => r.type === 'rma')!.id}`);
      expect(
        returned.json<{ returnType: string; lines: Array<{ orderLineId: string; serials: string[] }> }>(),
      ).toMatchObject({
        lines: [{ orderLineId: order.lines[0]!.id, serials: ['SN-B'] }],
      });
    });

    it('a return routed for approval is answered "pending", then finally once a manager decides', async () => {
      const world = await makeSiteWorld(t, { tier: 'bronze' });
      const po = `PO-${unique()}`;
      const a = await sold(world, po, 3);
      const { partner, sender } = await partnerWithSkuItems(world);
      // A bronze customer's returns wait for a manager under the default approval rules.
      const res = await handIn(
        interchangeFrom(sender, [
          { id: 'BGN', elements: ['00', 'REQ-2', '20261126'] },
          ...line(a.product.sku, 3, po, 'DR'),
        ]),
        partner.id,
      );
      const inbound = res.json<Doc>();
      const returned = await rma(inbound.records.find((r) => r.type === 'rma')!.id);
      const { answer } = await answersTo(inbound);
      const firstRdr = segment(setsOf(answer!.parsed)[0]!, 'RDR')!;
      expect(returned.status).toBe('pending_approval');
      expect(firstRdr[0]).toBe('RP');
      const rejected = await call(
        f,
        manager,
        'POST',
        `/returns/${returned.id}/reject`,
        { comment: 'Outside the agreement' },
        ifMatch(returned.version),
      );
      expect(rejected.statusCode, rejected.body).toBe(200);
      await runEdiExchange(t.platform);
      const replies = await call(
        f,
        manager,
        'GET',
        `/edi/documents?partnerId=${partner.id}&direction=out&transactionSet=180`,
      );
      const decision = replies.json<{ items: Doc[] }>().items.filter((d) => d.inReplyTo === inbound.id);
      expect(decision).toHaveLength(2);
      const latest = await documentOf(decision[0]!.id);
      const rdr = segment(setsOf(parseX12(latest.content!))[0]!, 'RDR')!;
      expect(rdr.slice(0, 3)).toEqual(['RD', '', 'MI']);
      expect(rdr[3]).toContain('Outside the agreement');
      // Answered once: another pass sends nothing more.
      await runEdiExchange(t.platform);
      const after = await call(
        f,
        manager,
        'GET',
        `/edi/documents?partnerId=${partner.id}&direction=out&transactionSet=180`,
      );
      expect(after.json<{ total: number }>().total).toBe(replies.json<{ total: number }>().total);
    });
  });

  describe('files that cannot be worked', () => {
    it('unreadable, unknown sender, not addressed to us, broken counts: kept, rejected or refused, nothing created', async () => {
      const world = await makeSiteWorld(t);
      const sender = `P${unique()}`;
      const partner = await makePartner(world, { interchangeQualifier: 'ZZ', interchangeId: sender, groupId: sender });
      const body: Segment[] = [
        { id: 'BGN', elements: ['00', 'R', '20261126'] },
        { id: 'BLI', elements: ['VN', 'X', '1', 'EA'] },
      ];

      const garbage = await handIn('this is not X12', partner.id);
      expect(garbage.statusCode, garbage.body).toBe(201);
      expect(garbage.json<Doc>()).toMatchObject({ status: 'rejected' });
      expect(garbage.json<Doc>().errors[0]).toMatch(/^unreadable: /);

      const stranger = await handIn(interchangeFrom('NOBODY', body));
      expect(stranger.json<Doc>()).toMatchObject({ status: 'rejected', partnerId: null });
      expect(stranger.json<Doc>().errors[0]).toContain('no trading partner has interchange id ZZ/NOBODY');

      const misaddressed = await handIn(interchangeFrom(sender, body).replace('BOOMERANG      ', 'SOMEONEELSE    '));
      expect(misaddressed.json<Doc>().errors[0]).toContain('ISA08 ZZ/SOMEONEELSE is not our interchange id');

      const other = await makePartner(world, { interchangeQualifier: 'ZZ', interchangeId: `O${unique()}` });
      const wrongPartner = await handIn(interchangeFrom(sender, body, '000000902'), other.id);
      expect(wrongPartner.json<Doc>().errors[0]).toContain('not the partner this file was given for');

      // SE01 says 9 segments: read as far as the envelope, rejected in the 997 (AK5 R 4), no return.
      const badCount = interchangeFrom(sender, body, '000000903').replace('SE*4*0001', 'SE*9*0001');
      const counted = await handIn(badCount, partner.id);
      const doc = counted.json<Doc>();
      expect(doc.status).toBe('processed_with_errors');
      expect(doc.records.filter((r) => r.type === 'rma')).toEqual([]);
      const { ack, answer } = await answersTo(doc);
      const ackSet = setsOf(ack!.parsed)[0]!;
      expect(segment(ackSet, 'AK5')).toEqual(['R', '4']);
      expect(segment(ackSet, 'AK9')).toEqual(['R', '1', '1', '0']);
      expect(answer).toBeUndefined();
    });

    it('the same file handed in twice at once is kept and worked once; an unknown partner is a 404', async () => {
      const world = await makeSiteWorld(t);
      const po = `PO-${unique()}`;
      const a = await sold(world, po, 3);
      const sender = `P${unique()}`;
      const partner = await makePartner(world, { interchangeQualifier: 'ZZ', interchangeId: sender, groupId: sender });
      const content = interchangeFrom(sender, [
        { id: 'BGN', elements: ['00', 'TWICE', '20261126'] },
        { id: 'BLI', elements: ['VN', a.product.sku, '1', 'EA'] },
        { id: 'RDR', elements: ['CR', 'CO'] },
        { id: 'PRF', elements: [po] },
      ]);
      const both = await Promise.all([handIn(content, partner.id), handIn(content, partner.id)]);
      expect(both.map((r) => r.statusCode).sort()).toEqual([200, 201]);
      expect(new Set(both.map((r) => r.json<Doc>().id)).size).toBe(1);
      const returns = await call(f, manager, 'GET', `/returns?customerId=${world.customer.id}`);
      expect(returns.json<{ total: number }>().total).toBe(1);
      expectProblem(await handIn(content, 'tpr_unknown'), 404);
    });

    it('a file kept but never worked through (its process died) is resumed by the EDI job once stalled', async () => {
      const world = await makeSiteWorld(t);
      const po = `PO-${unique()}`;
      const a = await sold(world, po, 3);
      const sender = `P${unique()}`;
      const partner = await makePartner(world, { interchangeQualifier: 'ZZ', interchangeId: sender, groupId: sender });
      const content = interchangeFrom(sender, [
        { id: 'BGN', elements: ['00', 'CRASHED', '20261126'] },
        { id: 'BLI', elements: ['VN', a.product.sku, '1', 'EA'] },
        { id: 'RDR', elements: ['CR', 'CO'] },
        { id: 'PRF', elements: [po] },
      ]);
      // What a process that died right after keeping the file leaves behind.
      const kept = await runInTransaction(t.platform, systemContext('test'), (tx) =>
        recordInboundDocument(tx, {
          partnerId: partner.id,
          content,
          fileName: 'crashed.x12',
          status: 'received',
          errors: [],
          transactionSets: ['180'],
          interchangeControlNumber: '000000901',
        }),
      );
      await runEdiExchange(t.platform);
      expect((await documentOf(kept.id)).status).toBe('received');
      t.clock.set('2026-11-26T10:06:00.000Z');
      try {
        await runEdiExchange(t.platform);
      } finally {
        t.clock.set('2026-11-26T10:00:00.000Z');
      }
      const resumed = await documentOf(kept.id);
      expect(resumed.status).toBe('processed');
      expect(resumed.records.filter((r) => r.type === 'rma')).toHaveLength(1);
    });

    it("a new partner's empty mapping tables start from the common codes; the tables given, and cross-references, are kept", async () => {
      const world = await makeSiteWorld(t);
      const made = await makePartner(world, {
        interchangeQualifier: 'ZZ',
        interchangeId: `M${unique()}`,
        mappings: { items: { qualifiers: { IN: 'cross_reference' }, crossReference: { '42': 'SKU-42' } } },
      });
      expect(made.mappings).toEqual({
        items: { qualifiers: { IN: 'cross_reference' }, crossReference: { '42': 'SKU-42' } },
        reasons: expect.objectContaining({ DR: { reasonCode: 'DEFECTIVE', claimedCondition: 'defective' } }),
        dispositions: expect.objectContaining({ CR: 'standard', MW: 'warranty' }),
      });
    });

    it('bad input is a problem+json; the log and partners are for staff, set-up for admins', async () => {
      const world = await makeSiteWorld(t);
      expectProblem(await call(f, manager, 'POST', '/edi/inbound', { content: '' }), 400);
      expectProblem(
        await call(f, admin, 'POST', '/edi/partners', { code: 'X', name: 'X', interchangeQualifier: 'toolong' }),
        400,
      );
      const customerToken = await t.tokenFor('customer', { customerId: world.customer.id });
      expectProblem(await call(f, customerToken, 'GET', '/edi/documents'), 403);
      expectProblem(await call(f, customerToken, 'POST', '/edi/inbound', { content: 'ISA' }), 403);
      expectProblem(await call(f, manager, 'POST', '/edi/partners', { code: 'X' }), 400);
      const sender = `P${unique()}`;
      const made = await makePartner(world, { interchangeQualifier: 'ZZ', interchangeId: sender });
      expectProblem(await patch(manager, `/edi/partners/${made.id}`, { name: 'Renamed' }, made.version), 403);
      expectProblem(await patch(admin, `/edi/partners/${made.id}`, { name: 'Renamed' }, 99), 412);
      // The same interchange id twice is a conflict, not a 500.
      const dup = await call(f, admin, 'POST', '/edi/partners', {
        code: `TP-${unique()}`,
        name: 'Twin',
        interchangeQualifier: 'ZZ',
        interchangeId: sender,
        groupId: 'X',
        ourInterchangeQualifier: 'ZZ',
        ourInterchangeId: 'BOOMERANG',
        ourGroupId: 'BOOMERANG',
        x12Version: '004010',
      });
      expectProblem(dup, 409);
      expectProblem(await call(f, manager, 'GET', '/edi/documents/edd_nope'), 404);
    });
  });

  describe('documents we send', () => {
    it('an RMA as a 180 that parses back to the same segments and the same lines', async () => {
      const world = await makeSiteWorld(t);
      const line = await soldLine(f, world);
      const opened = await openReturn(f, manager, line, {
        quantity: 2,
        reasonCode: 'DEFECTIVE',
        claimedCondition: 'defective',
      });
      const sender = `P${unique()}`;
      const partner = await makePartner(world, { interchangeQualifier: 'ZZ', interchangeId: sender });
      const sent = await call(f, manager, 'POST', `/edi/partners/${partner.id}/send`, {
        transactionSet: '180',
        rmaId: opened.id,
      });
      expect(sent.statusCode, sent.body).toBe(200);
      const again = await call(f, manager, 'POST', `/edi/partners/${partner.id}/send`, {
        transactionSet: '180',
        rmaId: opened.id,
      });
      expect(again.json()).toEqual({ documentId: sent.json<{ documentId: string }>().documentId, alreadySent: true });

      const doc = await documentOf(sent.json<{ documentId: string }>().documentId);
      const parsed = parseX12(doc.content!);
      expect(parsed.problems).toEqual([]);
      expect(writeX12(parsed.segments, parsed.delimiters)).toBe(doc.content);
      const set = setsOf(parsed)[0]!;
      const { request, problems } = readReturnRequest180(set);
      expect(problems).toEqual([]);
      expect(request).toMatchObject({ purpose: '00', reference: opened.rmaNumber });
      expect(request.lines).toEqual([
        expect.objectContaining({
          itemQualifier: 'VN',
          itemId: line.product.sku,
          quantity: 2,
          disposition: 'RA',
          reason: 'DR',
        }),
      ]);

      // Another customer's return is not this partner's to be told about.
      const other = await makeSiteWorld(t);
      const otherLine = await soldLine(f, other);
      const theirs = await openReturn(f, manager, otherLine, { quantity: 1 });
      expectProblem(
        await call(f, manager, 'POST', `/edi/partners/${partner.id}/send`, { transactionSet: '180', rmaId: theirs.id }),
        422,
      );
    });

    it('an issued credit memo as an 812 credit, sent on its own by the EDI job, and once', async () => {
      const world = await makeSiteWorld(t);
      const sender = `P${unique()}`;
      const partner = await makePartner(world, { interchangeQualifier: 'ZZ', interchangeId: sender });
      const line = await soldLine(f, world);
      const opened = await openReturn(f, manager, line, { quantity: 1, expectAuthorized: true });
      const inspectionId = await receiveUnits(f, line, opened.id, 1);
      await inspectAndDispose(f, inspectionId);
      const [draft] = await memosOfReturn(f, finance, opened.id);
      const issued = await approveAndIssue(f, finance, draft!);
      await runEdiExchange(t.platform);
      await runEdiExchange(t.platform);
      const list = await call(f, finance, 'GET', `/edi/documents?partnerId=${partner.id}&transactionSet=812`);
      const docs = list.json<{ items: Doc[] }>().items;
      expect(docs).toHaveLength(1);
      expect(docs[0]!.records).toEqual([{ type: 'credit_memo', id: issued.id, number: issued.creditMemoNumber }]);
      const set = setsOf(parseX12((await documentOf(docs[0]!.id)).content!))[0]!;
      const bcd = segment(set, 'BCD')!;
      expect([bcd[1], bcd[3], bcd[4]]).toEqual([issued.creditMemoNumber, (issued.totalMinor / 100).toFixed(2), 'C']);
      expect(segment(set, 'CUR')).toEqual(['SE', 'USD']);
      const cdd = segment(set, 'CDD')!;
      expect([cdd[0], cdd[1], cdd[3], cdd[6]]).toEqual(['72', 'C', String(issued.totalMinor), '1']);
      expect(segment(set, 'LIN')).toEqual(['', 'VN', line.product.sku]);
    });

    it('a supplier claim as an 812 debit to the partner that is the supplier', async () => {
      const world = await makeSiteWorld(t);
      const n = unique();
      const supplier = await createMasterRecord(
        t.platform,
        systemContext('test'),
        SUPPLIERS,
        SUPPLIERS.inputSchema.parse({
          code: `SUP-E${n}`,
          name: `EDI supplier ${n}`,
          legalEntityId: world.entity.id,
          currency: 'USD',
          requiresRtvAuthorization: false,
          vendorRestockingFeeBps: 1_000,
          warrantyRecoveryBps: 10_000,
        }),
      );
      const partner = await makePartner(world, {
        customerId: null,
        supplierId: supplier.id,
        interchangeQualifier: 'ZZ',
        interchangeId: `S${n}`,
        documents: ['812_out'],
      });
      const r = await receivedReturn(f, { world, quantity: 2, product: { supplierId: supplier.id } });
      const inspection = r.inspections[0]!;
      await completeInspection(f, inspection.id, { grade: 'D', defectCodes: ['DEAD_ON_ARRIVAL'], findings: 'dead' });
      const { response } = await dispose(f, inspection.id, {
        code: 'RETURN_TO_VENDOR',
        overrideReason: 'back to the supplier',
      });
      expect(response.statusCode, response.body).toBe(201);
      const vendorReturnId = response.json<{ followUpId: string }>().followUpId;
      const vr = await call(f, f.warehouse, 'GET', `/vendor-returns/${vendorReturnId}`);
      const shipped = await call(
        f,
        f.warehouse,
        'POST',
        `/vendor-returns/${vendorReturnId}/ship`,
        { carrierReference: '1Z999AA10123456784' },
        ifMatch(vr.json<{ version: number }>().version),
      );
      expect(shipped.statusCode, shipped.body).toBe(200);
      const claims = await call(f, finance, 'GET', `/supplier-claims?supplierId=${supplier.id}`);
      const claim = claims.json<{ items: Array<{ id: string; claimNumber: string; claimedMinor: number }> }>()
        .items[0]!;

      const sent = await call(f, finance, 'POST', `/edi/partners/${partner.id}/send`, {
        transactionSet: '812',
        supplierClaimId: claim.id,
      });
      expect(sent.statusCode, sent.body).toBe(200);
      const set = setsOf(parseX12((await documentOf(sent.json<{ documentId: string }>().documentId)).content!))[0]!;
      const bcd = segment(set, 'BCD')!;
      expect([bcd[1], bcd[3], bcd[4]]).toEqual([claim.claimNumber, (claim.claimedMinor / 100).toFixed(2), 'D']);
      expect(set.segments.filter((s) => s.id === 'CDD').map((s) => s.elements[1])).toEqual(['D']);
      // The job sees it was sent already.
      await runEdiExchange(t.platform);
      const list = await call(f, finance, 'GET', `/edi/documents?partnerId=${partner.id}`);
      expect(list.json<{ total: number }>().total).toBe(1);
      expectProblem(
        await call(f, finance, 'POST', `/edi/partners/${partner.id}/send`, { transactionSet: '180', rmaId: r.rma.id }),
        422,
      );
    });
  });

  describe('the folder transport', () => {
    it('reads inbound files, sets them aside, and writes the answers into the outbound folder', async () => {
      const world = await makeSiteWorld(t);
      const po = `PO-${unique()}`;
      const a = await sold(world, po, 3);
      const inbound = mkdtempSync(join(tmpdir(), 'edi-in-'));
      const outbound = mkdtempSync(join(tmpdir(), 'edi-out-'));
      const sender = `P${unique()}`;
      await makePartner(world, {
        interchangeQualifier: 'ZZ',
        interchangeId: sender,
        groupId: sender,
        inboundDirectory: inbound,
        outboundDirectory: outbound,
      });
      writeFileSync(
        join(inbound, 'req.x12'),
        interchangeFrom(sender, [
          { id: 'BGN', elements: ['00', 'FOLDER-1', '20261126'] },
          { id: 'BLI', elements: ['VN', a.product.sku, '1', 'EA'] },
          { id: 'RDR', elements: ['CR', 'CO'] },
          { id: 'PRF', elements: [po] },
        ]),
      );
      writeFileSync(join(inbound, 'junk.x12'), 'not edi');
      writeFileSync(join(inbound, 'half.x12.tmp'), 'ISA*');
      const pass = await runEdiExchange(t.platform);
      expect(pass.received).toBe(2);
      expect(readdirSync(inbound).sort()).toEqual(['half.x12.tmp', 'processed', 'rejected']);
      expect(readdirSync(join(inbound, 'processed'))).toEqual(['req.x12']);
      expect(readdirSync(join(inbound, 'rejected'))).toEqual(['junk.x12']);
      const written = readdirSync(outbound).sort();
      expect(written).toHaveLength(2);
      expect(written.every((name) => name.endsWith('.x12'))).toBe(true);
      const answer = written.find((name) => name.includes('-180-'))!;
      expect(readFileSync(join(outbound, answer), 'utf8')).toContain('BGN*11*FOLDER-1*');
    });
  });
});
