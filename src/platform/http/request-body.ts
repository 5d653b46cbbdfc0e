// What a request body may be, decided at the edge before anything walks it:
// - JSON only as application/json (JSON sent as text/plain is a 415, not a confusing 400);
// - nested at most MAX_JSON_DEPTH levels: no document of this API nests deeper than a few levels,
//   and every later walk (validation, NUL and surrogate checks, hashing for idempotency) is
//   recursive, so an unbounded depth would run any of them out of stack. The depth is measured by
//   a single iterative scan of the text, before the text is parsed.
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.js';

export const MAX_JSON_DEPTH = 32;

declare module 'fastify' {
  interface FastifyRequest {
    /** The JSON body's text exactly as received (set for application/json bodies). */
    rawBody?: string;
  }
}

/** The deepest nesting of arrays and objects in a JSON text, counting stops once past `limit`. */
export function jsonNestingDepth(text: string, limit = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let deepest = 0;
  let isInString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isInString) {
      if (c === 0x5c)
        i++; // a backslash escapes the next character
      else if (c === 0x22) isInString = false;
      continue;
    }
    if (c === 0x22) isInString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return deepest;
}

export function registerRequestBodyRules(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (jsonNestingDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
      done(
        new AppError('validation_failed', `the JSON body nests deeper than ${MAX_JSON_DEPTH} levels`, {
          errors: [{ path: '(body)', message: `nested deeper than ${MAX_JSON_DEPTH} levels` }],
        }),
        undefined,
      );
      return;
    }
    // Kept for endpoints that verify a signature over the exact bytes (carrier webhooks).
    request.rawBody = text;
    void parseJson(request, text, done);
  });
}
