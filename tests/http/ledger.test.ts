// The books over HTTP on both databases: the chart of accounts (seeded on first read, added to,
// renamed under If-Match, role accounts never switched off), the journal and its filters, reversal
// (the only correction), the trial balance, periods, the CSV export — and who may do what.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { makeCustomer } from '../support/factories.js';
import { expectProblem } from './support/problems.js';
import { startTestApp, TODAY, type TestApp } from './support/test-app.js';
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
import { entries, linesOf, trialBalanceOf, type Entry } from './support/ledger-flow.js';

const PERIOD = TODAY.slice(0, 7);
/** The chart every entity starts with: [code, role, type], in code order. */
const DEFAULT_CHART: Array<[string, string, string]> = [
  ['1100', 'accounts_receivable', 'asset'],
  ['1200', 'customer_credit', 'asset'],
  ['1250', 'vendor_receivable', 'asset'],
  ['1260', 'liquidation_receivable', 'asset'],
  ['1400', 'inventory', 'asset'],
  ['1410', 'returns_awaiting_inspection', 'asset'],
  ['1420', 'returns_in_repair', 'asset'],
  ['1430', 'returns_quarantined', 'asset'],
  ['1440', 'returns_on_vendor_return', 'asset'],
  ['1450', 'returns_secondary_channel', 'asset'],
  ['2100', 'accounts_payable', 'liability'],
  ['2200', 'tax_payable', 'liability'],
  ['2300', 'repair_costs_payable', 'liability'],
  ['2400', 'returns_reserve', 'liability'],
  ['2500', 'customer_deposits', 'liability'],
  ['4000', 'sales', 'revenue'],
  ['4100', 'sales_returns', 'revenue'],
  ['4200', 'restocking_fee_income', 'revenue'],
  ['5000', 'cost_of_goods_sold', 'expense'],
  ['6100', 'return_freight', 'expense'],
  ['6200', 'scrap_write_off', 'expense'],
  ['6210', 'inventory_write_down', 'expense'],
  ['6300', 'repair_costs', 'expense'],
  ['6400', 'supplier_recovery_loss', 'expense'],
  ['7900', 'fx_gain_loss', 'expense'],
];

interface Account {
  id: string;
  legalEntityId: string;
  code: string;
  name: string;
  type: string;
  role: string | null;
  isActive: boolean;
  version: number;
}

describe.each(DIALECTS)('ledger API on %s', (dialect) => {
  let t: TestApp;
  let f: Flow;
  let finance: string;
  let admin: string;
  let opsManager: string;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    f = await startFlow(t);
    finance = await t.tokenFor('finance');
    admin = await t.tokenFor('admin');
    opsManager = await t.tokenFor('ops_manager');
  });
  afterAll(() => t.close());

  async function accountsOf(legalEntityId: string, token = finance): Promise<Account[]> {
    const res = await call(f, token, 'GET', `/ledger/accounts?legalEntityId=${legalEntityId}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: Account[] }>().items;
  }

  const accountFor = async (legalEntityId: string, code: string) =>
    (await accountsOf(legalEntityId)).find((a) => a.code === code)!;

  const patch = (id: string, body: object, headers: Record<string, string> = {}, token = finance) =>
    t.request(token, { method: 'PATCH', url: `/api/v1/ledger/accounts/${id}`, payload: body, headers });

  describe('chart of accounts', () => {
    it("the first read of an entity's accounts seeds the default chart, once", async () => {
      const w = await makeSiteWorld(t);
      const first = await accountsOf(w.entity.id);
      expect(first.map((a) => [a.code, a.role, a.type])).toEqual(DEFAULT_CHART);
      expect(first.every((a) => a.isActive && a.version === 1 && a.legalEntityId === w.entity.id)).toBe(true);
      expect(first.find((a) => a.code === '1410')).toMatchObject({
        role: 'returns_awaiting_inspection',
        name: 'Returns inventory — awaiting inspection',
        type: 'asset',
      });
      expect(await accountsOf(w.entity.id)).toEqual(first);
      // Reading as ops manager is allowed and seeds nothing more.
      expect(await accountsOf(w.entity.id, opsManager)).toEqual(first);
      const unknown = await call(f, finance, 'GET', '/ledger/accounts?legalEntityId=le_nowhere');
      expectProblem(unknown, 400, 'validation_failed');
      expect(unknown.json().errors).toEqual([{ path: 'legalEntityId', message: 'unknown legal entity' }]);
      expectProblem(await call(f, finance, 'GET', '/ledger/accounts'), 400, 'validation_failed');
    });

    it('adds an account: a bad code is a 400 naming the field, a code in use a 409', async () => {
      const w = await makeSiteWorld(t);
      const add = (body: object, token = finance) => call(f, token, 'POST', '/ledger/accounts', body);
      const created = await add({ legalEntityId: w.entity.id, code: '6999', name: 'Bank charges', type: 'expense' });
      expect(created.statusCode, created.body).toBe(201);
      expect(created.headers.etag).toBe('"1"');
      expect(created.json()).toMatchObject({
        legalEntityId: w.entity.id,
        code: '6999',
        name: 'Bank charges',
        type: 'expense',
        role: null,
        isActive: true,
        version: 1,
      });
      // Adding to a chart nobody read yet seeds it first: the new account sits among the defaults.
      const chart = await accountsOf(w.entity.id);
      expect(chart).toHaveLength(DEFAULT_CHART.length + 1);
      expect(chart.map((a) => a.code)).toContain('6999');

      for (const code of ['6', 'abc', '69 99', '=1+1', 'X'.repeat(21)]) {
        const bad = await add({ legalEntityId: w.entity.id, code, name: 'Bad', type: 'expense' });
        expectProblem(bad, 400, 'validation_failed');
        expect(bad.json().errors, code).toEqual([expect.objectContaining({ path: 'code' })]);
      }
      const noName = await add({ legalEntityId: w.entity.id, code: '6998', name: ' ', type: 'expense' });
      expectProblem(noName, 400, 'validation_failed');
      expect(noName.json().errors).toEqual([expect.objectContaining({ path: 'name' })]);
      expectProblem(
        await add({ legalEntityId: w.entity.id, code: '6998', name: 'X', type: 'gain' }),
        400,
        'validation_failed',
      );
      expectProblem(
        await add({ legalEntityId: w.entity.id, code: '6998', name: 'X', type: 'expense', role: 'inventory' }),
        400,
        'validation_failed',
      );

      for (const code of ['6999', '1400']) {
        const taken = await add({ legalEntityId: w.entity.id, code, name: 'Again', type: 'asset' });
        expectProblem(taken, 409, 'conflict');
        expect(taken.json().errors).toEqual([{ path: 'code', message: 'already used' }]);
      }
      expect(await accountsOf(w.entity.id)).toEqual(chart);
      // Codes are per entity: another entity may use the same one.
      const other = await makeSiteWorld(t);
      const elsewhere = await add({ legalEntityId: other.entity.id, code: '6999', name: 'Bank', type: 'expense' });
      expect(elsewhere.statusCode, elsewhere.body).toBe(201);
      expectProblem(
        await add({ legalEntityId: 'le_nowhere', code: '6997', name: 'X', type: 'expense' }),
        400,
        'validation_failed',
      );
    });

    it('renames and renumbers under If-Match: stale 412, missing 428; role accounts cannot be switched off', async () => {
      const w = await makeSiteWorld(t);
      const inventory = await accountFor(w.entity.id, '1400');
      expectProblem(await patch(inventory.id, { name: 'Stock' }), 428, 'precondition_required');
      const renamed = await patch(inventory.id, { name: 'Finished goods', code: '1401' }, ifMatch(1));
      expect(renamed.statusCode, renamed.body).toBe(200);
      expect(renamed.headers.etag).toBe('"2"');
      expect(renamed.json()).toMatchObject({
        id: inventory.id,
        code: '1401',
        name: 'Finished goods',
        role: 'inventory',
        isActive: true,
        version: 2,
      });
      const stale = await patch(inventory.id, { name: 'Lost update' }, ifMatch(1));
      expectProblem(stale, 412, 'precondition_failed');
      expect((await accountFor(w.entity.id, '1401')).name).toBe('Finished goods');

      const off = await patch(inventory.id, { isActive: false }, ifMatch(2));
      expectProblem(off, 422, 'rule_violation');
      expect(off.json().errors).toEqual([{ path: 'isActive', message: 'postings need this account' }]);
      expect(await accountFor(w.entity.id, '1401')).toMatchObject({ isActive: true, version: 2 });

      const taken = await patch(inventory.id, { code: '1410' }, ifMatch(2));
      expectProblem(taken, 409, 'conflict');
      expect(taken.json().errors).toEqual([{ path: 'code', message: 'already used' }]);
      expectProblem(await patch(inventory.id, { code: 'lower' }, ifMatch(2)), 400, 'validation_failed');
      expectProblem(await patch(inventory.id, { role: 'inventory' }, ifMatch(2)), 400, 'validation_failed');
      expectProblem(await patch(inventory.id, { name: 'X' }, { 'if-match': 'soon' }), 400, 'validation_failed');
      expectProblem(await patch('acc_nowhere', { name: 'X' }, ifMatch(1)), 404, 'not_found');

      // An account of one's own may be switched off, and on again.
      const added = await call(f, finance, 'POST', '/ledger/accounts', {
        legalEntityId: w.entity.id,
        code: '7100',
        name: 'Sundry',
        type: 'expense',
      });
      const own = added.json<Account>();
      const switchedOff = await patch(own.id, { isActive: false }, ifMatch(own.version));
      expect(switchedOff.statusCode, switchedOff.body).toBe(200);
      expect(switchedOff.json()).toMatchObject({ isActive: false, version: 2 });
      const back = await patch(own.id, { isActive: true }, ifMatch(2));
      expect(back.json()).toMatchObject({ isActive: true, version: 3 });

      // The renumbered account still takes the postings of its role.
      const r = await receivedReturn(f, { world: w, quantity: 1 });
      const inspection = r.inspections[0]!;
      await completeInspection(f, inspection.id, { grade: 'A' });
      const { response } = await dispose(f, inspection.id, { code: 'RESTOCK', overrideReason: 'restock' });
      expect(response.statusCode, response.body).toBe(201);
      const [restocked] = await entries(f, finance, { sourceType: 'disposition', sourceId: response.json().id });
      expect(restocked!.lines[0]).toMatchObject({
        accountId: inventory.id,
        accountCode: '1401',
        accountName: 'Finished goods',
        debitMinor: 6000,
      });
    });
  });

  describe('journal', () => {
    let w: SiteWorld;
    let a: Awaited<ReturnType<typeof receivedReturn>>;
    let b: Awaited<ReturnType<typeof receivedReturn>>;
    let restockId: string;
    let receiptOfA: Entry;
    let receiptOfB: Entry;

    beforeAll(async () => {
      // Return A: 2 units received and restocked; return B: 1 unit received.
      w = await makeSiteWorld(t);
      a = await receivedReturn(f, { world: w, quantity: 2 });
      b = await receivedReturn(f, { world: w, quantity: 1 });
      await completeInspection(f, a.inspections[0]!.id, { grade: 'A' });
      const { response } = await dispose(f, a.inspections[0]!.id, { code: 'RESTOCK', overrideReason: 'restock' });
      expect(response.statusCode, response.body).toBe(201);
      restockId = (await entries(f, finance, { sourceType: 'disposition', sourceId: response.json().id }))[0]!.id;
      receiptOfA = (await entries(f, finance, { rmaId: a.rma.id, sourceType: 'receipt' }))[0]!;
      receiptOfB = (await entries(f, finance, { rmaId: b.rma.id }))[0]!;
    });

    const ids = (list: Entry[]) => list.map((e) => e.id).sort();

    it('lists entries newest first, with their lines, filtered by return, period, account and source', async () => {
      const all = await entries(f, finance, { legalEntityId: w.entity.id });
      expect(all.map((e) => e.id)).toEqual([restockId, receiptOfB.id, receiptOfA.id]);
      expect(all.every((e) => e.lines.length === 2)).toBe(true);

      expect(ids(await entries(f, finance, { rmaId: a.rma.id }))).toEqual([receiptOfA.id, restockId].sort());
      expect(await entries(f, finance, { rmaId: b.rma.id })).toEqual([receiptOfB]);
      expect(receiptOfB).toMatchObject({ rmaNumber: b.rma.rmaNumber, event: 'receipt.recorded' });
      expect(ids(await entries(f, finance, { legalEntityId: w.entity.id, period: PERIOD }))).toEqual(ids(all));
      expect(await entries(f, finance, { legalEntityId: w.entity.id, period: '2026-10' })).toEqual([]);

      const chart = await accountsOf(w.entity.id);
      const account = (code: string) => chart.find((acc) => acc.code === code)!.id;
      expect(ids(await entries(f, finance, { legalEntityId: w.entity.id, accountId: account('1410') }))).toEqual(
        ids(all),
      );
      expect(ids(await entries(f, finance, { legalEntityId: w.entity.id, accountId: account('1400') }))).toEqual([
        restockId,
      ]);
      expect(await entries(f, finance, { legalEntityId: w.entity.id, accountId: account('1250') })).toEqual([]);
      expect(ids(await entries(f, finance, { rmaId: a.rma.id, accountId: account('5000') }))).toEqual([receiptOfA.id]);

      const paged = await call(f, finance, 'GET', `/ledger/entries?legalEntityId=${w.entity.id}&pageSize=2&page=2`);
      expect(paged.json()).toMatchObject({ total: 3, page: 2, pageSize: 2, items: [{ id: receiptOfA.id }] });
      expectProblem(await call(f, finance, 'GET', '/ledger/entries?period=2026-13'), 400, 'validation_failed');
      expectProblem(await call(f, finance, 'GET', '/ledger/entries?pageSize=500'), 400, 'validation_failed');
      expectProblem(await call(f, finance, 'GET', '/ledger/entries?colour=red'), 400, 'validation_failed');
      expectProblem(await call(f, finance, 'GET', '/ledger/entries/je_nowhere'), 404, 'not_found');
    });

    it('reverses an entry: 201, the same lines with sides swapped; once only; never a reversal; a reason is required', async () => {
      const url = `/ledger/entries/${receiptOfB.id}/reversal`;
      for (const body of [{}, { reason: '' }, { reason: '  ' }, { reason: 'x'.repeat(501) }, { reason: 'ok', x: 1 }]) {
        const refused = await call(f, finance, 'POST', url, body);
        expectProblem(refused, 400, 'validation_failed');
      }
      const missing = await call(f, finance, 'POST', url, {});
      expect(missing.json().errors).toEqual([expect.objectContaining({ path: 'reason' })]);
      expectProblem(await call(f, opsManager, 'POST', url, { reason: 'posted twice' }), 403, 'forbidden');
      expectProblem(
        await call(f, finance, 'POST', '/ledger/entries/je_nowhere/reversal', { reason: 'posted twice' }),
        404,
        'not_found',
      );

      const res = await call(f, finance, 'POST', url, { reason: 'posted twice' });
      expect(res.statusCode, res.body).toBe(201);
      const reversal = res.json<Entry>();
      expect(reversal).toMatchObject({
        event: 'journal.reversed',
        reversesEntryId: receiptOfB.id,
        reversedByEntryId: null,
        legalEntityId: w.entity.id,
        rmaId: b.rma.id,
        rmaNumber: b.rma.rmaNumber,
        sourceType: receiptOfB.sourceType,
        sourceId: receiptOfB.sourceId,
        postingDate: TODAY,
        period: PERIOD,
        currency: 'USD',
        totalMinor: receiptOfB.totalMinor,
        postedBy: 'finance@test.local',
      });
      expect(reversal.entryNumber).not.toBe(receiptOfB.entryNumber);
      expect(reversal.description).toBe(`Reversal of ${receiptOfB.entryNumber}: posted twice`);
      expect(linesOf(reversal)).toEqual(linesOf(receiptOfB).map(([code, debit, credit]) => [code, credit, debit]));
      expect(linesOf(reversal)).toEqual([
        ['1410', 0, 6000],
        ['5000', 6000, 0],
      ]);
      expect(reversal.lines.map((l) => l.memo)).toEqual(receiptOfB.lines.map((l) => l.memo));
      const original = await call(f, finance, 'GET', `/ledger/entries/${receiptOfB.id}`);
      expect(original.json()).toEqual({ ...receiptOfB, reversedByEntryId: reversal.id });

      const again = await call(f, finance, 'POST', url, { reason: 'once more' });
      expectProblem(again, 409, 'conflict');
      expect(again.json().detail).toContain(reversal.entryNumber);
      expectProblem(
        await call(f, finance, 'POST', `/ledger/entries/${reversal.id}/reversal`, { reason: 'undo the undo' }),
        422,
        'rule_violation',
      );
      // Admins manage the books too (but do not close them).
      const byAdmin = await call(f, admin, 'POST', `/ledger/entries/${restockId}/reversal`, { reason: 'check' });
      expect(byAdmin.statusCode, byAdmin.body).toBe(201);
      expect(byAdmin.json<Entry>().reversesEntryId).toBe(restockId);
      expect(await entries(f, finance, { rmaId: b.rma.id })).toHaveLength(2);
      // Two receipts, a restock and two reversals: entries are added, never changed or removed.
      expect(await entries(f, finance, { legalEntityId: w.entity.id })).toHaveLength(5);
    });

    it('the trial balance balances, with each account closing at its movements, signed its normal way', async () => {
      // Receipts: A 2 × 6000, B 1 × 6000; A restocked; B's receipt and A's restock reversed.
      const tb = await trialBalanceOf(f, finance, w.entity.id, PERIOD);
      expect(tb).toMatchObject({
        legalEntityId: w.entity.id,
        period: PERIOD,
        currency: 'USD',
        isClosed: false,
        isBalanced: true,
      });
      const byCode = Object.fromEntries(tb.rows.map((row) => [row.code, row]));
      expect(byCode['1410']).toMatchObject({ openingMinor: 0, debitMinor: 30_000, creditMinor: 18_000 });
      expect(byCode['1410']!.closingMinor).toBe(12_000);
      expect(byCode['1400']).toMatchObject({
        openingMinor: 0,
        debitMinor: 12_000,
        creditMinor: 12_000,
        closingMinor: 0,
      });
      // Cost of goods sold is an expense (debit-normal): the receipts credited it.
      expect(byCode['5000']).toMatchObject({ debitMinor: 6_000, creditMinor: 18_000, closingMinor: -12_000 });
      expect(byCode['6200']).toMatchObject({ openingMinor: 0, debitMinor: 0, creditMinor: 0, closingMinor: 0 });
      expect(tb.totals).toEqual({ debitMinor: 48_000, creditMinor: 48_000 });
      expect(tb.rows.map((row) => row.code)).toEqual([...tb.rows.map((row) => row.code)].sort());
      expect(tb.rows).toHaveLength(DEFAULT_CHART.length);

      // The next month opens where this one closed; the one before is empty.
      const next = await trialBalanceOf(f, finance, w.entity.id, '2026-12');
      const nextByCode = Object.fromEntries(next.rows.map((row) => [row.code, row]));
      expect(nextByCode['1410']).toMatchObject({
        openingMinor: 12_000,
        debitMinor: 0,
        creditMinor: 0,
        closingMinor: 12_000,
      });
      expect(nextByCode['5000']).toMatchObject({ openingMinor: -12_000, closingMinor: -12_000 });
      expect(next).toMatchObject({ isBalanced: true, totals: { debitMinor: 0, creditMinor: 0 } });
      const before = await trialBalanceOf(f, finance, w.entity.id, '2026-10');
      expect(before.rows.every((row) => row.openingMinor === 0 && row.closingMinor === 0)).toBe(true);

      expectProblem(
        await call(f, finance, 'GET', `/ledger/trial-balance?legalEntityId=le_nowhere&period=${PERIOD}`),
        404,
        'not_found',
      );
      expectProblem(
        await call(f, finance, 'GET', `/ledger/trial-balance?legalEntityId=${w.entity.id}&period=2026-1`),
        400,
        'validation_failed',
      );
    });

    it('lists the periods with entries or closed, newest first; finance closes one that has ended', async () => {
      const list = async () =>
        (await call(f, opsManager, 'GET', `/ledger/periods?legalEntityId=${w.entity.id}`)).json<{
          items: Array<{ period: string; status: string; entries: number; closedBy: string | null }>;
        }>().items;
      expect(await list()).toEqual([
        { legalEntityId: w.entity.id, period: PERIOD, status: 'open', closedAt: null, closedBy: null, entries: 5 },
      ]);
      const close = (token: string, period = '2026-09') =>
        call(f, token, 'POST', '/ledger/periods/close', { legalEntityId: w.entity.id, period });
      expectProblem(await close(admin), 403, 'forbidden');
      expectProblem(await close(opsManager), 403, 'forbidden');
      expectProblem(await close(finance, '2026-9'), 400, 'validation_failed');
      expectProblem(
        await call(f, finance, 'POST', '/ledger/periods/close', { legalEntityId: 'le_nowhere', period: '2026-09' }),
        400,
        'validation_failed',
      );
      const closed = await close(finance);
      expect(closed.statusCode, closed.body).toBe(200);
      expect(closed.json()).toMatchObject({ period: '2026-09', status: 'closed', closedBy: 'finance@test.local' });
      expect((await list()).map((p) => [p.period, p.status, p.entries])).toEqual([
        [PERIOD, 'open', 5],
        ['2026-09', 'closed', 0],
      ]);
      expect((await trialBalanceOf(f, finance, w.entity.id, '2026-09')).isClosed).toBe(true);
    });

    it('exports the journal of a month as CSV: a header, a row per line, oldest first', async () => {
      const res = await call(f, opsManager, 'GET', `/ledger/journal.csv?legalEntityId=${w.entity.id}&period=${PERIOD}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe(`attachment; filename="journal-${PERIOD}.csv"`);
      expect(res.body.endsWith('\r\n')).toBe(true);
      const rows = res.body.slice(0, -2).split('\r\n');
      expect(rows[0]).toBe(
        'entry_number,posting_date,period,event,source_type,source_id,rma_number,reverses_entry_id,line,account_code,account_name,debit_minor,credit_minor,currency,memo,description',
      );
      const journal = (await entries(f, finance, { legalEntityId: w.entity.id })).reverse();
      const lineCount = journal.reduce((n, e) => n + e.lines.length, 0);
      expect(rows).toHaveLength(1 + lineCount);
      const expected = journal.flatMap((e) =>
        e.lines.map((l) => [
          e.entryNumber,
          e.event,
          String(l.lineNumber),
          l.accountCode,
          String(l.debitMinor),
          String(l.creditMinor),
        ]),
      );
      expect(
        rows.slice(1).map((row) => {
          const cells = row.split(',');
          return [cells[0], cells[3], cells[8], cells[9], cells[11], cells[12]];
        }),
      ).toEqual(expected);
      expect(rows[1]).toContain(`,${TODAY},${PERIOD},receipt.recorded,receipt,`);
      const empty = await call(f, finance, 'GET', `/ledger/journal.csv?legalEntityId=${w.entity.id}&period=2026-10`);
      expect(empty.body).toBe(`${rows[0]}\r\n`);
      expectProblem(await call(f, finance, 'GET', `/ledger/journal.csv?legalEntityId=${w.entity.id}`), 400);
    });
  });

  describe('authorization', () => {
    it('warehouse and customer get 403 on every ledger route; ops manager reads only; admin manages but cannot close', async () => {
      const w = await makeSiteWorld(t);
      const r = await receivedReturn(f, { world: w, quantity: 1 });
      const [entry] = await entries(f, finance, { rmaId: r.rma.id });
      const account = (await accountsOf(w.entity.id))[0]!;
      const e = w.entity.id;
      const reads: Array<[string, string]> = [
        ['GET', `/ledger/accounts?legalEntityId=${e}`],
        ['GET', `/ledger/entries?legalEntityId=${e}`],
        ['GET', `/ledger/entries/${entry!.id}`],
        ['GET', `/ledger/trial-balance?legalEntityId=${e}&period=${PERIOD}`],
        ['GET', `/ledger/periods?legalEntityId=${e}`],
        ['GET', `/ledger/journal.csv?legalEntityId=${e}&period=${PERIOD}`],
      ];
      const writes: Array<[string, string, object, Record<string, string>]> = [
        ['POST', '/ledger/accounts', { legalEntityId: e, code: '7200', name: 'Other', type: 'expense' }, {}],
        ['PATCH', `/ledger/accounts/${account.id}`, { name: 'Renamed' }, ifMatch(account.version)],
        ['POST', `/ledger/entries/${entry!.id}/reversal`, { reason: 'not allowed' }, {}],
        ['POST', '/ledger/periods/close', { legalEntityId: e, period: '2026-10' }, {}],
      ];
      const send = (
        token: string,
        method: string,
        url: string,
        payload?: object,
        headers: Record<string, string> = {},
      ) =>
        t.request(token, {
          method,
          url: `/api/v1${url}`,
          headers,
          ...(payload ? { payload } : {}),
        });

      const customer = await makeCustomer(t.platform, w.entity.id);
      const tokens = {
        warehouse: f.warehouse,
        quality: f.quality,
        cs_agent: f.agent,
        customer: await t.tokenFor('customer', { customerId: w.customer.id }),
        other_customer: await t.tokenFor('customer', { customerId: customer.id }),
      };
      for (const token of Object.values(tokens)) {
        for (const [method, url] of reads) expectProblem(await send(token, method, url), 403, 'forbidden');
        for (const [method, url, body, headers] of writes)
          expectProblem(await send(token, method, url, body, headers), 403, 'forbidden');
      }
      expect((await t.request(null, { method: 'GET', url: `/api/v1/ledger/entries` })).statusCode).toBe(401);

      // Ops manager: reads everything, changes nothing.
      for (const [method, url] of reads) expect((await send(opsManager, method, url)).statusCode, url).toBe(200);
      for (const [method, url, body, headers] of writes)
        expectProblem(await send(opsManager, method, url, body, headers), 403, 'forbidden');

      // Admin: manages accounts and reverses, but closing the books is finance's alone.
      const [add, rename, reverse, close] = writes;
      expect((await send(admin, add![0], add![1], add![2])).statusCode).toBe(201);
      expect((await send(admin, rename![0], rename![1], rename![2], rename![3])).statusCode).toBe(200);
      expect((await send(admin, reverse![0], reverse![1], reverse![2])).statusCode).toBe(201);
      expectProblem(await send(admin, close![0], close![1], close![2]), 403, 'forbidden');
      expect((await send(finance, close![0], close![1], close![2])).statusCode).toBe(200);

      // Nothing the refused requests asked for happened.
      const chart = await accountsOf(w.entity.id);
      expect(chart.find((a) => a.id === account.id)).toMatchObject({ name: 'Renamed', version: account.version + 1 });
      expect(chart.filter((a) => a.code === '7200')).toHaveLength(1);
      expect(await entries(f, finance, { rmaId: r.rma.id })).toHaveLength(2);
    });
  });
});
