import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParamsSchema, pageOf, ProblemSchema } from '../contracts/common.js';
import {
  AssignInspectionBodySchema,
  CompleteInspectionBodySchema,
  InspectionPhotoSchema,
  InspectionQueueItemSchema,
  InspectionQueuePageSchema,
  InspectionQueueQuerySchema,
  InspectionSchema,
  RecordInspectionBodySchema,
  SignOffBodySchema,
  SlaBreachesQuerySchema,
  SplitInspectionBodySchema,
} from '../contracts/inspection.js';
import { contextOf, SIGNED_IN } from '../platform/http/request-context.js';
import { requireIfMatchVersion, setVersionEtag } from '../platform/http/preconditions.js';
import { readUploadedImages, registerMultipart } from '../platform/http/multipart.js';
import type { ContentStore } from '../platform/files/content-store.js';
import type { Platform } from '../platform/unit-of-work.js';
import {
  assignInspection,
  claimInspection,
  completeInspection,
  recordInspection,
  signOffInspection,
  splitInspection,
} from './inspection-work.js';
import { getInspection, listInspectionQueue, listInspectionsOfReturn, listSlaBreaches } from './inspection.queries.js';
import { addInspectionPhotos, openInspectionPhoto } from './inspection-photos.js';

const tags = ['inspection'];
const errors = {
  400: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
  412: ProblemSchema,
  422: ProblemSchema,
  428: ProblemSchema,
};
const PhotoParams = z.strictObject({ id: z.string().min(1).max(64), photoId: z.string().min(1).max(64) });

export function registerInspectionRoutes(
  app: FastifyInstance,
  platform: Platform,
  { photos }: { photos: ContentStore },
): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const now = () => platform.clock.now();

  /** Every change answers with the inspection as it now is, and its version as the ETag. */
  async function reply(
    request: Parameters<typeof contextOf>[0],
    res: { header(n: string, v: string): unknown },
    id: string,
  ) {
    const inspection = await getInspection(platform.db, contextOf(request), now(), id);
    res.header('ETag', `"${inspection.version}"`);
    return inspection;
  }

  api.get(
    '/inspections',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: "A site's inspection queue, in priority order (regulated first, then SLA, value, tier)",
        querystring: InspectionQueueQuerySchema,
        response: { 200: InspectionQueuePageSchema, ...errors },
      },
    },
    (request) => listInspectionQueue(platform.db, contextOf(request), now(), request.query),
  );

  api.get(
    '/inspections/sla-breaches',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'Inspections past their SLA: open and overdue (and, on request, finished late)',
        querystring: SlaBreachesQuerySchema,
        response: { 200: pageOf(InspectionQueueItemSchema), ...errors },
      },
    },
    (request) => listSlaBreaches(platform.db, contextOf(request), now(), request.query),
  );

  api.get(
    '/returns/:id/inspections',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: "A return's inspections",
        params: IdParamsSchema,
        response: {
          200: z.object({
            items: z.array(
              InspectionQueueItemSchema.extend({
                grade: z.string().nullable(),
                claimVerdict: z.string().nullable(),
                inspectedBy: z.string().nullable(),
                completedAt: z.string().nullable(),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (request) => ({
      items: await listInspectionsOfReturn(platform.db, contextOf(request), now(), request.params.id),
    }),
  );

  api.get(
    '/inspections/:id',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'One inspection, whole',
        params: IdParamsSchema,
        response: { 200: InspectionSchema, ...errors },
      },
    },
    async (request, res) => {
      const inspection = await getInspection(platform.db, contextOf(request), now(), request.params.id);
      setVersionEtag(res, inspection.version);
      return inspection;
    },
  );

  api.post(
    '/inspections/:id/claim',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'Take the inspection (If-Match)',
        params: IdParamsSchema,
        response: { 200: InspectionSchema, ...errors },
      },
    },
    async (request, res) => {
      await claimInspection(platform, contextOf(request), request.params.id, requireIfMatchVersion(request));
      return reply(request, res, request.params.id);
    },
  );

  api.post(
    '/inspections/:id/assign',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'Give the inspection to an inspector, or release it to the queue (userId null) (If-Match)',
        params: IdParamsSchema,
        body: AssignInspectionBodySchema,
        response: { 200: InspectionSchema, ...errors },
      },
    },
    async (request, res) => {
      await assignInspection(platform, contextOf(request), request.params.id, {
        userId: request.body.userId,
        expectedVersion: requireIfMatchVersion(request),
      });
      return reply(request, res, request.params.id);
    },
  );

  api.post(
    '/inspections/:id/split',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'Split units off into an inspection of their own (If-Match); answers with the new one',
        params: IdParamsSchema,
        body: SplitInspectionBodySchema,
        response: { 201: InspectionSchema, ...errors },
      },
    },
    async (request, res) => {
      const id = await splitInspection(platform, contextOf(request), request.params.id, {
        quantity: request.body.quantity,
        expectedVersion: requireIfMatchVersion(request),
      });
      const created = await reply(request, res, id);
      return res.code(201).header('Location', `/api/v1/inspections/${id}`).send(created);
    },
  );

  api.put(
    '/inspections/:id/record',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'Save the record as it stands, a draft (If-Match)',
        params: IdParamsSchema,
        body: RecordInspectionBodySchema,
        response: { 200: InspectionSchema, ...errors },
      },
    },
    async (request, res) => {
      await recordInspection(platform, contextOf(request), request.params.id, {
        ...request.body,
        expectedVersion: requireIfMatchVersion(request),
      });
      return reply(request, res, request.params.id);
    },
  );

  api.post(
    '/inspections/:id/complete',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary:
          'Complete the inspection: checklist answered, grade given (If-Match). Regulated goods then await sign-off',
        params: IdParamsSchema,
        body: CompleteInspectionBodySchema,
        response: { 200: InspectionSchema, ...errors },
      },
    },
    async (request, res) => {
      await completeInspection(platform, contextOf(request), request.params.id, {
        ...request.body,
        expectedVersion: requireIfMatchVersion(request),
      });
      return reply(request, res, request.params.id);
    },
  );

  api.post(
    '/inspections/:id/sign-off',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: "Quality's second sign-off on regulated goods, by someone other than the inspector (If-Match)",
        params: IdParamsSchema,
        body: SignOffBodySchema,
        response: { 200: InspectionSchema, ...errors },
      },
    },
    async (request, res) => {
      await signOffInspection(platform, contextOf(request), request.params.id, {
        ...request.body,
        expectedVersion: requireIfMatchVersion(request),
      });
      return reply(request, res, request.params.id);
    },
  );

  // Photos: multipart in, bytes out. Registered in their own scope so the multipart parser serves
  // only this route.
  void app.register((scope, _options, done) => {
    registerMultipart(scope);
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/inspections/:id/photos',
      {
        config: SIGNED_IN,
        schema: {
          tags,
          summary: 'Upload photos (multipart/form-data, JPEG, PNG, WebP or HEIC, 10 MB each, 10 per request)',
          params: IdParamsSchema,
          consumes: ['multipart/form-data'],
          response: {
            201: z.object({ items: z.array(InspectionPhotoSchema) }),
            ...errors,
            413: ProblemSchema,
            415: ProblemSchema,
          },
        },
      },
      async (request, res) => {
        const images = await readUploadedImages(request);
        const items = await addInspectionPhotos(platform, contextOf(request), photos, request.params.id, images);
        return res.code(201).send({ items });
      },
    );
    done();
  });

  api.get(
    '/inspections/:id/photos/:photoId',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'The bytes of a photo',
        params: PhotoParams,
        produces: ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'application/problem+json'],
        response: { 200: z.any().describe('The photo as uploaded'), ...errors },
      },
    },
    async (request, res) => {
      const photo = await openInspectionPhoto(
        platform,
        contextOf(request),
        photos,
        request.params.id,
        request.params.photoId,
      );
      return res
        .type(photo.contentType)
        .header('Content-Length', String(photo.bytes))
        .header('Cache-Control', 'private, max-age=31536000, immutable')
        .header('ETag', `"${photo.sha256}"`)
        .header('Content-Disposition', `inline; filename="${photo.fileName.replace(/[^\w.-]/g, '_')}"`)
        .send(photo.stream);
    },
  );
}
