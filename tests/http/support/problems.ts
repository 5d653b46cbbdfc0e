import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';

/** Asserts an RFC 9457 problem response: the status (in the header and the body), the media type and the code. */
export function expectProblem(res: LightMyRequestResponse, status: number, code?: string): void {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toContain('application/problem+json');
  expect(res.json<{ status: number }>().status).toBe(status);
  if (code) expect(res.json<{ code: string }>().code).toBe(code);
}
