import { useQuery } from '@tanstack/react-query';
import type { ContestDetail } from '../../../../common/schemas/contests';
import { api } from '../../shared/api/client';

export const contestKeys = { all: ['contests'] as const, one: (id: number) => ['contests', id] as const };

/** GET /api/contests/:id */
export function useContest(id: number) {
  return useQuery({
    queryKey: contestKeys.one(id),
    queryFn: () => api<ContestDetail>(`/api/contests/${id}`),
    enabled: id > 0,
  });
}
