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

/** Errors beside a form's fields, and one for the form itself. */
export type FormErrors<F extends string> = { [K in F]?: string } & { form?: string };

/**
 * A refusal as errors beside the form's fields (the ones the problem names among `fields`, with a
 * capital first letter); anything else — no field named, or one the form does not have — as `form`.
 */
export function formErrorsFrom<F extends string>(error: unknown, fields: readonly F[]): FormErrors<F> {
  if (!isApiError(error)) return { form: describeError(error) };
  const named = error.fieldErrors();
  const errors: Record<string, string> = {};
  for (const field of fields) {
    const message = named[field];
    if (message) errors[field] = message.charAt(0).toUpperCase() + message.slice(1);
  }
  const isUnmapped = Object.keys(named).some((path) => !(fields as readonly string[]).includes(path));
  if (Object.keys(errors).length === 0 || isUnmapped) errors['form'] = describeError(error);
  return errors as FormErrors<F>;
}
