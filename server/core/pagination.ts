import type { Page, PageQuery } from '../../common/schemas/shared.js';

export function offsetOf(q: PageQuery): number {
  return (q.page - 1) * q.pageSize;
}
export function pageResult<T>(items: T[], total: number, q: PageQuery): Page<T> {
  return { items, total, page: q.page, pageSize: q.pageSize };
}
/** Escapes LIKE wildcards in user text. */
export function likeText(s: string): string {
  return `%${s.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
}
