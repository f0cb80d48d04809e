import dayjs, { type Dayjs } from 'dayjs';
import type { Query } from '../../../shared/api/client';

/**
 * Filter-bar values ↔ URL query for the studio-life lists: a date range becomes from/to, studioId a number,
 * includeArchived a flag; everything else passes as it is.
 */
export function toLifeQuery(v: Record<string, unknown>): Query {
  const { range, includeArchived, ...rest } = v as {
    range?: [Dayjs, Dayjs] | null;
    includeArchived?: boolean;
  };
  return {
    ...(rest as Query),
    from: range?.[0]?.format('YYYY-MM-DD'),
    to: range?.[1]?.format('YYYY-MM-DD'),
    includeArchived: includeArchived ? 'true' : undefined,
  };
}

export function fromLifeQuery(q: Record<string, string>): Record<string, unknown> {
  const { from, to, studioId, includeArchived, year, ...rest } = q;
  return {
    ...rest,
    studioId: studioId ? Number(studioId) : undefined,
    year: year ? Number(year) : undefined,
    range: from && to ? [dayjs(from), dayjs(to)] : undefined,
    includeArchived: includeArchived === 'true',
  };
}
