import type { Problem } from '../../../src/contracts/common.js';

/** An RFC 9457 problem, with any extension members the server adds (e.g. `verdict`). */
export type ProblemBody = Problem & Record<string, unknown>;

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly problem: ProblemBody;

  constructor(problem: ProblemBody) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.code = problem.code;
    this.problem = problem;
  }

  /** Field errors keyed by path (`lines.0.quantity`), optionally with a prefix removed (`document.`). */
  fieldErrors(stripPrefix = ''): Record<string, string> {
    const result: Record<string, string> = {};
    for (const error of this.problem.errors ?? []) {
      const path =
        stripPrefix && error.path.startsWith(stripPrefix) ? error.path.slice(stripPrefix.length) : error.path;
      result[path] ??= error.message;
    }
    return result;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** A sentence for people: the problem's detail, else its title, else the error message. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return 'The server could not be reached. Check your connection and try again.';
    return error.problem.detail || error.problem.title;
  }
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}

export function problemFromResponse(status: number, statusText: string, body: unknown): ProblemBody {
  if (body && typeof body === 'object' && 'title' in body && 'status' in body) {
    const problem = body as ProblemBody;
    return { ...problem, code: typeof problem.code === 'string' ? problem.code : `http_${status}` };
  }
  return {
    type: 'about:blank',
    title: statusText || `Request failed (${status})`,
    status,
    code: `http_${status}`,
  };
}
