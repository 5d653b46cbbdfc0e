// Text that cannot be stored the same way on both databases is refused at the edge, naming the
// field: NUL (PostgreSQL text cannot hold U+0000, SQLite can) and unpaired UTF-16 surrogates (not
// valid Unicode: PostgreSQL refuses them, SQLite stores them as replacement characters, so the
// stored text would silently differ from what was sent). Keys are checked as well as values.
// The walk is iterative; the body's depth is bounded before it gets here (request-body.ts).
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.js';

type Problem = 'a NUL character' | 'an unpaired UTF-16 surrogate';

function problemOf(text: string): Problem | null {
  if (text.includes('\u0000')) return 'a NUL character';
  if (!text.isWellFormed()) return 'an unpaired UTF-16 surrogate';
  return null;
}

/** The path of the first string (or key) that cannot be stored, with why; null when all can. */
export function findUnstorableText(root: unknown, rootPath: string): { path: string; problem: Problem } | null {
  const pending: Array<{ value: unknown; path: string }> = [{ value: root, path: rootPath }];
  const join = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value, path } = next;
    if (typeof value === 'string') {
      const problem = problemOf(value);
      if (problem) return { path, problem };
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) pending.push({ value: value[i], path: join(path, i) });
    } else if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value);
      for (const [key] of entries) {
        const problem = problemOf(key);
        if (problem) return { path: join(path, key), problem };
      }
      for (let i = entries.length - 1; i >= 0; i--)
        pending.push({ value: entries[i]![1], path: join(path, entries[i]![0]) });
    }
  }
  return null;
}

export function registerNulRejection(app: FastifyInstance): void {
  app.addHook('preValidation', (request, _reply, done) => {
    const found =
      findUnstorableText(request.query, 'querystring') ??
      findUnstorableText(request.params, 'params') ??
      findUnstorableText(request.body, '');
    if (found !== null) {
      const path = found.path || '(body)';
      done(
        new AppError('validation_failed', `${path} contains ${found.problem}`, {
          errors: [{ path, message: `${found.problem.replace(/^an? /, '')} is not allowed` }],
        }),
      );
      return;
    }
    done();
  });
}
