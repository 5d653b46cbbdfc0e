// Supplier claims over HTTP: the listing and aging board for finance, one claim, and the
// supplier's acknowledgement. The answer and the payment post to the ledger: workflows' routes.
// A supplier's own users and keys use the same routes and see only their own claims.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParamsSchema, pageOf, ProblemSchema } from '../contracts/common.js';
import {
  AcknowledgeClaimSchema,
  ClaimAgingSchema,
  ListClaimsQuerySchema,
  StaffSupplierClaimSchema,
  SupplierViewClaimSchema,
} from '../contracts/recovery.js';
import { contextOf, SIGNED_IN } from '../platform/http/request-context.js';
import { requireIfMatchVersion, setVersionEtag } from '../platform/http/preconditions.js';
import { runInTransaction, type Platform } from '../platform/unit-of-work.js';
import { getSupplierClaim, listSupplierClaims, supplierClaimAging } from './claims.queries.js';
import { recordClaimAcknowledged } from './supplier-claims.js';

const tags = ['supplier claims'];
const readErrors = { 400: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };
const writeErrors = { ...readErrors, 409: ProblemSchema, 412: ProblemSchema, 422: ProblemSchema, 428: ProblemSchema };
export const ClaimForAnyone = StaffSupplierClaimSchema.or(SupplierViewClaimSchema);

export function registerRecoveryRoutes(app: FastifyInstance, platform: Platform): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const today = () => platform.clock.now().toISOString().slice(0, 10);

  api.get(
    '/supplier-claims',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'Supplier claims, newest first, with filters; a supplier sees its own',
        querystring: ListClaimsQuerySchema,
        response: { 200: pageOf(ClaimForAnyone), ...readErrors },
      },
    },
    (request) => listSupplierClaims(platform.db, contextOf(request), request.query, today()),
  );

  api.get(
    '/supplier-claims/aging',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'Open claims by supplier in age buckets, and the reimbursement cycle of paid ones',
        querystring: z.strictObject({
          legalEntityId: z.string().min(1).optional(),
          supplierId: z.string().min(1).optional(),
        }),
        response: { 200: ClaimAgingSchema, ...readErrors },
      },
    },
    (request) => supplierClaimAging(platform.db, contextOf(request), request.query, today()),
  );

  api.get(
    '/supplier-claims/:id',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'One claim with its lines, amounts per the terms and the inspection evidence',
        params: IdParamsSchema,
        response: { 200: ClaimForAnyone, ...readErrors },
      },
    },
    async (request, reply) => {
      const claim = await getSupplierClaim(platform.db, contextOf(request), request.params.id, today());
      setVersionEtag(reply, claim.version);
      return claim;
    },
  );

  api.post(
    '/supplier-claims/:id/acknowledge',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'The supplier acknowledges the claim (If-Match), with its own reference',
        params: IdParamsSchema,
        body: AcknowledgeClaimSchema,
        response: { 200: ClaimForAnyone, ...writeErrors },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const expectedVersion = requireIfMatchVersion(request);
      await runInTransaction(platform, ctx, (tx) =>
        recordClaimAcknowledged(tx, request.params.id, { ...request.body, expectedVersion }),
      );
      const claim = await getSupplierClaim(platform.db, ctx, request.params.id, today());
      setVersionEtag(reply, claim.version);
      return claim;
    },
  );
}
