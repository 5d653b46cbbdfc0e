// Issuing, voiding and applying a credit memo: settlement's record and the ledger's entry in one
// transaction (see issue-credit-memo.ts).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParamsSchema, ProblemSchema } from '../contracts/common.js';
import { CreditMemoSchema, VoidCreditMemoSchema } from '../contracts/settlement.js';
import { contextOf, SIGNED_IN } from '../platform/http/request-context.js';
import { requireIfMatchVersion, setVersionEtag } from '../platform/http/preconditions.js';
import type { Platform } from '../platform/unit-of-work.js';
import { getCreditMemo } from '../settlement/index.js';
import { applyCreditMemo, issueCreditMemo, voidCreditMemo } from './issue-credit-memo.js';
import { redraftCredit } from './draft-credit.js';

const errors = {
  400: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
  412: ProblemSchema,
  422: ProblemSchema,
  428: ProblemSchema,
};

export function registerCreditMemoRoutes(app: FastifyInstance, platform: Platform): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post(
    '/credit-memos/:id/apply',
    {
      config: SIGNED_IN,
      schema: {
        tags: ['settlement'],
        summary:
          'Mark an issued memo applied (If-Match): the credit was used or refunded; what is left of it moves from customer credit to accounts receivable',
        params: IdParamsSchema,
        response: { 200: CreditMemoSchema, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      await applyCreditMemo(platform, ctx, request.params.id, requireIfMatchVersion(request));
      const memo = await getCreditMemo(platform.db, ctx, request.params.id);
      setVersionEtag(reply, memo.version);
      return memo;
    },
  );
  api.post(
    '/credit-memos/:id/issue',
    {
      config: SIGNED_IN,
      schema: {
        tags: ['settlement'],
        summary: 'Issue an approved memo (If-Match): numbered without gaps, posted to the ledger',
        params: IdParamsSchema,
        response: { 200: CreditMemoSchema, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      await issueCreditMemo(platform, ctx, request.params.id, requireIfMatchVersion(request));
      const memo = await getCreditMemo(platform.db, ctx, request.params.id);
      setVersionEtag(reply, memo.version);
      return memo;
    },
  );
  api.post(
    '/credit-memos/:id/void',
    {
      config: SIGNED_IN,
      schema: {
        tags: ['settlement'],
        summary: 'Void a memo (If-Match) with a reason; an issued one has its entry reversed',
        params: IdParamsSchema,
        body: VoidCreditMemoSchema,
        response: { 200: CreditMemoSchema, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      await voidCreditMemo(platform, ctx, request.params.id, {
        reason: request.body.reason,
        expectedVersion: requireIfMatchVersion(request),
      });
      const memo = await getCreditMemo(platform.db, ctx, request.params.id);
      setVersionEtag(reply, memo.version);
      return memo;
    },
  );
  api.post(
    '/returns/:id/credit-memos',
    {
      config: SIGNED_IN,
      schema: {
        tags: ['settlement'],
        summary:
          "Draft again the return's dispositioned units that are on no live credit memo (after a void): computed afresh",
        params: IdParamsSchema,
        response: { 201: CreditMemoSchema, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const id = await redraftCredit(platform, ctx, request.params.id);
      const memo = await getCreditMemo(platform.db, ctx, id);
      setVersionEtag(reply, memo.version);
      return reply.code(201).send(memo);
    },
  );
}
