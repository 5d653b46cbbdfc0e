// The books over HTTP: accounts, the journal (with reversal), the trial balance, periods and their
// close, and the journal as CSV.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParamsSchema, pageOf, ProblemSchema } from '../contracts/common.js';
import {
  ClosePeriodSchema,
  CreateLedgerAccountSchema,
  EntityPeriodQuerySchema,
  EntityQuerySchema,
  FiscalPeriodSchema,
  JournalEntrySchema,
  LedgerAccountSchema,
  ListEntriesQuerySchema,
  ReverseEntrySchema,
  TrialBalanceSchema,
  UpdateLedgerAccountSchema,
} from '../contracts/ledger.js';
import { contextOf, SIGNED_IN } from '../platform/http/request-context.js';
import { requireIfMatchVersion, setVersionEtag } from '../platform/http/preconditions.js';
import { assertCan } from '../platform/access.js';
import { runInTransaction, type Platform } from '../platform/unit-of-work.js';
import { ensureChart } from './accounts.js';
import { journalCsv } from './domain/journal-csv.js';
import { closePeriod, createAccount, reverseEntry, updateAccount } from './ledger-admin.js';
import {
  entriesForExport,
  getAccount,
  getEntry,
  listAccounts,
  listEntries,
  listPeriods,
  trialBalance,
} from './ledger.queries.js';

const tags = ['ledger'];
const readErrors = { 400: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };
const writeErrors = { ...readErrors, 409: ProblemSchema, 412: ProblemSchema, 422: ProblemSchema, 428: ProblemSchema };

export function registerLedgerRoutes(app: FastifyInstance, platform: Platform): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/ledger/accounts',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: "A legal entity's chart of accounts (the default chart is written on first use)",
        querystring: EntityQuerySchema,
        response: { 200: z.object({ items: z.array(LedgerAccountSchema) }), ...readErrors, 422: ProblemSchema },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      let items = await listAccounts(platform.db, ctx, request.query.legalEntityId);
      if (items.length === 0) {
        await runInTransaction(platform, ctx, (tx) => ensureChart(tx, request.query.legalEntityId));
        items = await listAccounts(platform.db, ctx, request.query.legalEntityId);
      }
      return { items };
    },
  );

  api.post(
    '/ledger/accounts',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'Add an account to a chart',
        body: CreateLedgerAccountSchema,
        response: { 201: LedgerAccountSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const account = await getAccount(platform.db, ctx, await createAccount(platform, ctx, request.body));
      setVersionEtag(reply, account.version);
      return reply.code(201).send(account);
    },
  );

  api.patch(
    '/ledger/accounts/:id',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'Rename, renumber or switch off an account (If-Match); accounts postings use stay on',
        params: IdParamsSchema,
        body: UpdateLedgerAccountSchema,
        response: { 200: LedgerAccountSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      // Who may, and whether it exists, are answered before the missing If-Match is.
      assertCan(ctx.actor, 'ledger.manage');
      await getAccount(platform.db, ctx, request.params.id);
      await updateAccount(platform, ctx, request.params.id, {
        ...request.body,
        expectedVersion: requireIfMatchVersion(request),
      });
      const account = await getAccount(platform.db, ctx, request.params.id);
      setVersionEtag(reply, account.version);
      return account;
    },
  );

  api.get(
    '/ledger/entries',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'Journal entries with their lines, newest first; by entity, period, return, account or source',
        querystring: ListEntriesQuerySchema,
        response: { 200: pageOf(JournalEntrySchema), ...readErrors },
      },
    },
    async (request) => listEntries(platform.db, contextOf(request), request.query),
  );

  api.get(
    '/ledger/entries/:id',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'One journal entry',
        params: IdParamsSchema,
        response: { 200: JournalEntrySchema, ...readErrors },
      },
    },
    async (request) => getEntry(platform.db, contextOf(request), request.params.id),
  );

  api.post(
    '/ledger/entries/:id/reversal',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'Reverse an entry (the only correction): the same lines, sides swapped, today, at most once',
        params: IdParamsSchema,
        body: ReverseEntrySchema,
        response: { 201: JournalEntrySchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const id = await reverseEntry(platform, ctx, request.params.id, request.body.reason);
      return reply.code(201).send(await getEntry(platform.db, ctx, id));
    },
  );

  api.get(
    '/ledger/trial-balance',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'Trial balance of an entity for a month: opening, debits, credits, closing per account',
        querystring: EntityPeriodQuerySchema,
        response: { 200: TrialBalanceSchema, ...readErrors },
      },
    },
    async (request) => trialBalance(platform.db, contextOf(request), request.query.legalEntityId, request.query.period),
  );

  api.get(
    '/ledger/periods',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: "An entity's periods with entries or closed, newest first",
        querystring: EntityQuerySchema,
        response: { 200: z.object({ items: z.array(FiscalPeriodSchema) }), ...readErrors },
      },
    },
    async (request) => ({ items: await listPeriods(platform.db, contextOf(request), request.query.legalEntityId) }),
  );

  api.post(
    '/ledger/periods/close',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'Close a month that has ended: nothing posts into it afterwards',
        body: ClosePeriodSchema,
        response: { 200: FiscalPeriodSchema, ...writeErrors },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      await closePeriod(platform, ctx, request.body);
      const periods = await listPeriods(platform.db, ctx, request.body.legalEntityId);
      return periods.find((p) => p.period === request.body.period)!;
    },
  );

  api.get(
    '/ledger/journal.csv',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: "The journal of an entity's month as CSV, one row per line",
        querystring: EntityPeriodQuerySchema,
      },
    },
    async (request, reply) => {
      const { legalEntityId, period } = request.query;
      const entries = await entriesForExport(platform.db, contextOf(request), legalEntityId, period);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="journal-${period}.csv"`)
        .send(journalCsv(entries));
    },
  );
}
