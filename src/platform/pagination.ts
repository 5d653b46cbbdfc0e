import type { Page } from '../contracts/common.js';

export function offsetOf(page: number, pageSize: number): number {
  return (page - 1) * pageSize;
}

export function toPage<T>(items: T[], page: number, pageSize: number, total: number): Page<T> {
  return { items, page, pageSize, total };
}

/** Escapes LIKE wildcards in user input; both dialects honour ESCAPE '\'. */
export function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
