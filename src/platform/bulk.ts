// Bulk calls return a result per item: each item is validated and created on its own, so one bad
// row in a thousand is reported by index instead of failing the whole batch.
import type { z } from 'zod';
import type { BulkResult } from '../contracts/masterdata.js';
import { AppError } from './errors.js';

export async function createEach<T>(
  items: unknown[],
  schema: z.ZodType<T>,
  create: (item: T) => Promise<{ id: string }>,
): Promise<BulkResult> {
  const results: BulkResult['results'] = [];
  for (const [index, item] of items.entries()) {
    const parsed = schema.safeParse(item);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.join('.') || '(item)';
      results.push({
        index,
        ok: false,
        error: { code: 'validation_failed', message: `${where}: ${issue?.message ?? 'invalid'}` },
      });
      continue;
    }
    try {
      results.push({ index, ok: true, id: (await create(parsed.data)).id });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      results.push({ index, ok: false, error: { code: error.code, message: error.message } });
    }
  }
  const created = results.filter((r) => r.ok).length;
  return { results, created, failed: results.length - created };
}
