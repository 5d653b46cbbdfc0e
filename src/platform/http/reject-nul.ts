// PostgreSQL text cannot hold U+0000 and SQLite can, so the same input would succeed on one
// database and fail with a 500 on the other. NUL is never meaningful business text: refuse it at
// the edge, the same way on both, naming the field.
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.js';

function findNul(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findNul(item, path ? `${path}.${i}` : String(i));
      if (found !== null) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes('\u0000')) return path ? `${path}.${key}` : key;
      const found = findNul(item, path ? `${path}.${key}` : key);
      if (found !== null) return found;
    }
  }
  return null;
}

export function registerNulRejection(app: FastifyInstance): void {
  app.addHook('preValidation', (request, _reply, done) => {
    const where =
      findNul(request.query, 'querystring') ?? findNul(request.params, 'params') ?? findNul(request.body, '');
    if (where !== null) {
      done(
        new AppError('validation_failed', `${where || '(body)'} contains a NUL character`, {
          errors: [{ path: where || '(body)', message: 'NUL characters are not allowed' }],
        }),
      );
      return;
    }
    done();
  });
}
