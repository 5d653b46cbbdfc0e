// EDI work through the API: a partner's file handed in (what the folder poller does with a file),
// and a document sent by hand.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParamsSchema, ProblemSchema } from '../../contracts/common.js';
import { EdiDocumentSchema, SendEdiDocumentBodySchema } from '../../contracts/edi.js';
import { contextOf, SIGNED_IN } from '../../platform/http/request-context.js';
import type { Platform } from '../../platform/unit-of-work.js';
import { receiveInterchange } from './receive-interchange.js';
import { sendCreditMemoAs812, sendRmaAs180, sendSupplierClaimAs812 } from './send-documents.js';

const tags = ['edi'];
const errors = { 400: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema };

/** 2 MB of X12 is tens of thousands of segments: far beyond any one 180. */
const MAX_INTERCHANGE = 2_000_000;

export const ReceiveInterchangeBodySchema = z.strictObject({
  content: z.string().min(1, 'the file is empty').max(MAX_INTERCHANGE),
  fileName: z.string().trim().max(200).nullable().default(null),
  /** When given, the ISA's sender must be this partner. */
  partnerId: z.string().min(1).max(64).optional(),
});

export function registerEdiWorkflowRoutes(app: FastifyInstance, platform: Platform): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post(
    '/edi/inbound',
    {
      config: SIGNED_IN,
      bodyLimit: MAX_INTERCHANGE * 2,
      schema: {
        tags,
        summary:
          "Hand in a partner's X12 file: it is kept, its 180s become return requests, and the 997 and answering 180 are queued",
        body: ReceiveInterchangeBodySchema,
        response: { 200: EdiDocumentSchema, 201: EdiDocumentSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { document, duplicate } = await receiveInterchange(platform, contextOf(request), {
        content: request.body.content,
        fileName: request.body.fileName,
        ...(request.body.partnerId && { partnerId: request.body.partnerId }),
      });
      return reply
        .code(duplicate ? 200 : 201)
        .header('Location', `/api/v1/edi/documents/${document.id}`)
        .send(document);
    },
  );
  api.post(
    '/edi/partners/:id/send',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'Send a return as a 180, or a credit memo or supplier claim as an 812 (once per subject)',
        params: IdParamsSchema,
        body: SendEdiDocumentBodySchema,
        response: { 200: z.object({ documentId: z.string(), alreadySent: z.boolean() }), ...errors },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const body = request.body;
      if (body.transactionSet === '180') return sendRmaAs180(platform, ctx, request.params.id, body.rmaId);
      if ('creditMemoId' in body) return sendCreditMemoAs812(platform, ctx, request.params.id, body.creditMemoId);
      return sendSupplierClaimAs812(platform, ctx, request.params.id, body.supplierClaimId);
    },
  );
}
