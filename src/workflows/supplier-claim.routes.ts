// The supplier's answer to a claim and its credit note: recovery's record and the ledger's entry
// in one transaction (see settle-supplier-claim.ts). And the photos that are a claim's evidence,
// served to whoever may read the claim (the supplier too) from inspection's store.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParamsSchema, ProblemSchema } from '../contracts/common.js';
import type { ContentStore } from '../platform/files/content-store.js';
import { openEvidencePhoto } from '../inspection/index.js';
import { DecideClaimSchema, RecordClaimPaymentSchema } from '../contracts/recovery.js';
import { contextOf, SIGNED_IN } from '../platform/http/request-context.js';
import { requireIfMatchVersion, setVersionEtag } from '../platform/http/preconditions.js';
import type { Platform } from '../platform/unit-of-work.js';
import { ClaimForAnyone, findEvidencePhoto, getSupplierClaim } from '../recovery/index.js';
import { decideSupplierClaim, recordSupplierClaimPayment } from './settle-supplier-claim.js';

const errors = {
  400: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
  412: ProblemSchema,
  422: ProblemSchema,
  428: ProblemSchema,
};
const tags = ['supplier claims'];

export function registerSupplierClaimRoutes(
  app: FastifyInstance,
  platform: Platform,
  { photos }: { photos: ContentStore },
): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const today = () => platform.clock.now().toISOString().slice(0, 10);
  api.get(
    '/supplier-claims/:id/photos/:photoId',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: "A photo of the claim's evidence (the inspection's), for anyone who may read the claim",
        params: z.strictObject({ id: z.string().min(1), photoId: z.string().min(1) }),
        produces: ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'application/problem+json'],
        response: {
          200: z.any().describe('The photo as uploaded'),
          400: ProblemSchema,
          403: ProblemSchema,
          404: ProblemSchema,
        },
      },
    },
    async (request, reply) => {
      const { params } = request;
      const { inspectionId } = await findEvidencePhoto(platform.db, contextOf(request), params.id, params.photoId);
      const photo = await openEvidencePhoto(platform, photos, inspectionId, params.photoId);
      return reply
        .type(photo.contentType)
        .header('Content-Length', String(photo.bytes))
        .header('Cache-Control', 'private, max-age=31536000, immutable')
        .header('ETag', `"${photo.sha256}"`)
        .header('Content-Disposition', `inline; filename="${photo.fileName.replace(/[^\w.-]/g, '_')}"`)
        .send(photo.stream);
    },
  );
  api.post(
    '/supplier-claims/:id/decision',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary:
          'The supplier accepts, partially accepts (per line) or rejects the claim (If-Match); the books move to what it accepted',
        params: IdParamsSchema,
        body: DecideClaimSchema,
        response: { 200: ClaimForAnyone, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      await decideSupplierClaim(platform, ctx, request.params.id, {
        ...request.body,
        expectedVersion: requireIfMatchVersion(request),
      });
      const claim = await getSupplierClaim(platform.db, ctx, request.params.id, today());
      setVersionEtag(reply, claim.version);
      return claim;
    },
  );
  api.post(
    '/supplier-claims/:id/payment',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary:
          "Record the supplier's credit note for the accepted amount (If-Match): posted against accounts payable",
        params: IdParamsSchema,
        body: RecordClaimPaymentSchema,
        response: { 200: ClaimForAnyone, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      await recordSupplierClaimPayment(platform, ctx, request.params.id, {
        ...request.body,
        expectedVersion: requireIfMatchVersion(request),
      });
      const claim = await getSupplierClaim(platform.db, ctx, request.params.id, today());
      setVersionEtag(reply, claim.version);
      return claim;
    },
  );
}
