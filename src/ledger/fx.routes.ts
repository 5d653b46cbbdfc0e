// Exchange-rate endpoints: finance posts the ECB's reference-rates XML as it was downloaded
// (eurofxref-daily.xml, or a history file up to 2 MB: the 90-day one; the full history goes through
// `npm run import-rates`), and anyone who reads the books lists the rates in force on a day.
import type { FastifyError, FastifyInstance, preValidationHookHandler } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ProblemSchema } from '../contracts/common.js';
import { FxImportResultSchema, FxRateListSchema, FxRateQuerySchema } from '../contracts/ledger.js';
import { AppError } from '../platform/errors.js';
import { contextOf, SIGNED_IN } from '../platform/http/request-context.js';
import type { Platform } from '../platform/unit-of-work.js';
import { importEcbRates, listRates } from './fx-import.js';

const tags = ['ledger'];
const XML_TYPES = ['application/xml', 'text/xml'];
export const MAX_RATES_XML_BYTES = 2 * 1024 * 1024;

/** Refuses a body of another type (JSON holding a string would otherwise pass the schema). */
const requireXmlBody: preValidationHookHandler = (request, _reply, done) => {
  const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (XML_TYPES.includes(type)) return done();
  done(
    new AppError('unsupported_media_type', 'send the ECB rates file as application/xml (or text/xml)', {
      errors: [{ path: 'headers.content-type', message: 'must be application/xml or text/xml' }],
    }),
  );
};

export function registerFxRoutes(app: FastifyInstance, platform: Platform): void {
  // XML is read only here: its parser is registered in this scope, so elsewhere XML stays a 415.
  void app.register((scope, _options, done) => {
    scope.addContentTypeParser(
      XML_TYPES,
      { parseAs: 'string', bodyLimit: MAX_RATES_XML_BYTES },
      (_request, body, parsed) => parsed(null, body),
    );
    // Fastify's own words for a body over the limit, replaced; every other error goes on up.
    scope.setErrorHandler((error: FastifyError) => {
      if (error.statusCode === 413)
        throw new AppError(
          'payload_too_large',
          `the rates file is larger than ${MAX_RATES_XML_BYTES / (1024 * 1024)} MB: import a long history with npm run import-rates`,
        );
      throw error;
    });
    const api = scope.withTypeProvider<ZodTypeProvider>();

    api.post(
      '/fx-rates/import',
      {
        config: SIGNED_IN,
        bodyLimit: MAX_RATES_XML_BYTES,
        preValidation: requireXmlBody,
        schema: {
          tags,
          summary:
            'Import the ECB euro reference rates (the eurofxref XML as downloaded, daily or history, at most 2 MB): a day imported again replaces its rates',
          consumes: XML_TYPES,
          body: z.string(),
          response: {
            201: FxImportResultSchema,
            400: ProblemSchema,
            403: ProblemSchema,
            413: ProblemSchema,
            415: ProblemSchema,
          },
        },
      },
      async (request, reply) => {
        const result = await importEcbRates(platform, contextOf(request), request.body);
        return reply.code(201).send(result);
      },
    );

    api.get(
      '/fx-rates',
      {
        config: SIGNED_IN,
        schema: {
          tags,
          summary:
            "Exchange rates in force on a day: each pair's latest on or before `date` (the latest of all without it)",
          querystring: FxRateQuerySchema,
          response: { 200: FxRateListSchema, 400: ProblemSchema, 403: ProblemSchema },
        },
      },
      (request) => listRates(platform.db, contextOf(request), request.query),
    );
    done();
  });
}
