// Credit memos over HTTP: listing and reading (customers: their own issued ones), approving, and
// the PDF. Issuing, voiding and applying post to the ledger: workflows' routes.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParamsSchema, pageOf, ProblemSchema } from '../contracts/common.js';
import {
  CreditMemoSchema,
  CustomerCreditMemoSchema,
  ListCreditMemosQuerySchema,
  type CreditMemo,
} from '../contracts/settlement.js';
import type { RequestContext } from '../platform/actor.js';
import { contextOf, SIGNED_IN } from '../platform/http/request-context.js';
import { requireIfMatchVersion, setVersionEtag } from '../platform/http/preconditions.js';
import type { Platform } from '../platform/unit-of-work.js';
import { findLegalEntity } from '../masterdata/index.js';
import { approveCreditMemo } from './credit-memos.js';
import { getCreditMemo, listCreditMemos } from './credit-memo.queries.js';
import { renderCreditMemoPdf } from './domain/credit-memo-pdf.js';

const tags = ['settlement'];
const readErrors = { 400: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };
const writeErrors = { ...readErrors, 409: ProblemSchema, 412: ProblemSchema, 422: ProblemSchema, 428: ProblemSchema };
const MemoForAnyone = CreditMemoSchema.or(CustomerCreditMemoSchema);

/**
 * A customer's view leaves out who approved it, where the books hold it, and the reserve of units
 * credited ahead of inspection (inspection's verdict on the claim is finance's).
 */
export function forAudience(ctx: RequestContext, memo: CreditMemo) {
  if (ctx.actor.role !== 'customer') return memo;
  const { approvedBy: _a, issuedBy: _i, issueEntryId: _e, needsFinanceApproval: _n, policyVersion: _p, ...rest } = memo;
  return { ...rest, lines: rest.lines.map(({ reserve: _r, ...line }) => line) };
}

export function registerSettlementRoutes(app: FastifyInstance, platform: Platform): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/credit-memos',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'Credit memos, newest first; a customer sees its own issued ones',
        querystring: ListCreditMemosQuerySchema,
        response: { 200: pageOf(MemoForAnyone), ...readErrors },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const page = await listCreditMemos(platform.db, ctx, request.query);
      return { ...page, items: page.items.map((memo) => forAudience(ctx, memo)) };
    },
  );

  api.get(
    '/credit-memos/:id',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'One credit memo with its lines and how each was computed',
        params: IdParamsSchema,
        response: { 200: MemoForAnyone, ...readErrors },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const memo = await getCreditMemo(platform.db, ctx, request.params.id);
      setVersionEtag(reply, memo.version);
      return forAudience(ctx, memo);
    },
  );

  api.get(
    '/credit-memos/:id/document.pdf',
    {
      config: SIGNED_IN,
      schema: { tags, summary: 'The credit memo as a PDF document', params: IdParamsSchema },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const memo = await getCreditMemo(platform.db, ctx, request.params.id);
      const entity = await findLegalEntity(platform.db, memo.legalEntityId);
      const pdf = await renderCreditMemoPdf({
        memo,
        issuer: { name: entity?.name ?? memo.legalEntityId, code: entity?.code ?? '' },
      });
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="${memo.creditMemoNumber ?? memo.id}.pdf"`)
        .send(pdf);
    },
  );

  api.post(
    '/credit-memos/:id/approve',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'Approve a draft (If-Match); above the policy limit, finance alone',
        params: IdParamsSchema,
        response: { 200: CreditMemoSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      await approveCreditMemo(platform, ctx, request.params.id, requireIfMatchVersion(request));
      const memo = await getCreditMemo(platform.db, ctx, request.params.id);
      setVersionEtag(reply, memo.version);
      return memo;
    },
  );
}
