// CSV cells are text; the input schemas want booleans, numbers and lists. Each column is converted
// by the kind of field it feeds, read from the schema itself, so the CSV format follows the API
// contract without a second definition to keep in step. Anything that does not convert is passed
// through unchanged, and the schema then reports it with the field's own message.
import type { z } from 'zod';

export type FieldKind = 'boolean' | 'number' | 'list' | 'text';

const TRUE_WORDS = new Set(['true', '1', 'yes', 'y']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'n']);
const NUMBER = /^[+-]?\d+(\.\d+)?$/;

/** The kind of every field of an object schema, looking through defaults, nullables and optionals. */
export function describeFields(schema: z.ZodObject): Map<string, FieldKind> {
  return new Map(Object.entries(schema.shape).map(([name, field]) => [name, kindOf(field as z.ZodType)]));
}

function kindOf(field: z.ZodType): FieldKind {
  let current: z.ZodType | undefined = field;
  while (current) {
    const def = current.def as { type: string; innerType?: z.ZodType };
    if (def.type === 'boolean') return 'boolean';
    if (def.type === 'number') return 'number';
    if (def.type === 'array') return 'list';
    current = def.innerType;
  }
  return 'text';
}

/**
 * Converts one row's cells for the given fields. An empty cell becomes "not given", so the
 * schema's default applies (or it reports the field as required); list cells are split on '|'.
 */
export function coerceCells(cells: Record<string, string>, fields: Map<string, FieldKind>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries(cells)) {
    if (!fields.has(name)) continue;
    const text = raw.trim();
    if (text === '') continue;
    values[name] = coerceCell(text, fields.get(name)!);
  }
  return values;
}

function coerceCell(text: string, kind: FieldKind): unknown {
  switch (kind) {
    case 'boolean': {
      const word = text.toLowerCase();
      return TRUE_WORDS.has(word) ? true : FALSE_WORDS.has(word) ? false : text;
    }
    case 'number':
      return NUMBER.test(text) ? Number(text) : text;
    case 'list':
      return text
        .split('|')
        .map((item) => item.trim())
        .filter((item) => item !== '');
    case 'text':
      return text;
  }
}

export const REQUIRED = 'is required (the cell is empty or the column is missing)';

/**
 * A schema's complaint, said for a CSV cell: an empty cell is "required", and an amount in minor
 * units with a fraction (0.1 pence) says so, with the cell as written.
 */
export function describeIssue(issue: z.core.$ZodIssue, cell?: string): string {
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) return REQUIRED;
  const field = String(issue.path.at(-1) ?? '');
  if (issue.code === 'invalid_type' && issue.expected === 'int' && field.endsWith('Minor'))
    return `${cell?.trim() ?? 'the amount'} is not a whole number of minor units (cents, pence): amounts are in the currency's smallest unit, and a fraction of it cannot be invoiced`;
  if (issue.code === 'invalid_type' && issue.expected === 'int')
    return `${cell?.trim() ?? 'the value'} is not a whole number`;
  if (issue.code === 'too_small' && issue.origin === 'number')
    return `${cell?.trim() ?? 'the value'} is less than ${String(issue.minimum)}, the smallest allowed${field === 'quantityShipped' ? ' (a negative quantity is a stock adjustment or a return, not a sale)' : ''}`;
  return issue.message;
}
