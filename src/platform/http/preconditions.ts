// Optimistic concurrency over HTTP: a resource's version is its ETag; an update names the version
// it read in If-Match, and the use case refuses it if the row has moved on since.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';

export function setVersionEtag(reply: FastifyReply, version: number): void {
  void reply.header('ETag', `"${version}"`);
}

/** The version named by If-Match, or undefined when the header is absent. */
export function readIfMatchVersion(request: FastifyRequest): number | undefined {
  const header = request.headers['if-match'];
  if (header === undefined) return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(String(header));
  if (!match?.[1]) {
    throw new AppError(
      'validation_failed',
      `If-Match must be the ETag of the resource, e.g. "3"; got ${String(header)}`,
      {
        errors: [{ path: 'headers.if-match', message: 'not a version ETag' }],
      },
    );
  }
  return Number(match[1]);
}

export function requireIfMatchVersion(request: FastifyRequest): number {
  const version = readIfMatchVersion(request);
  if (version === undefined) {
    throw new AppError(
      'precondition_required',
      'send If-Match with the ETag you read, so concurrent edits are not lost',
    );
  }
  return version;
}
