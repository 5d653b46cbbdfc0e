// Prefixed, time-ordered ids (`rma_01J…`): readable in logs, sortable by creation time, and
// impossible to confuse across contexts.
import { monotonicFactory } from 'ulid';

export type IdPrefix =
  | 'le'
  | 'site'
  | 'cus'
  | 'sup'
  | 'prd'
  | 'so'
  | 'sol'
  | 'rma'
  | 'rml'
  | 'rcp'
  | 'rcl'
  | 'usr'
  | 'key'
  | 'aud'
  | 'evt'
  | 'req';

export interface IdGenerator {
  next(prefix: IdPrefix): string;
}

export function createIdGenerator(): IdGenerator {
  const ulid = monotonicFactory();
  return { next: (prefix) => `${prefix}_${ulid().toLowerCase()}` };
}
