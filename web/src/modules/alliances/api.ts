import { useQuery } from '@tanstack/react-query';
import type { AllianceDetail } from '../../../../common/schemas/alliances';
import { api } from '../../shared/api/client';

export const allianceKeys = { all: ['alliances'] as const, one: (id: number) => ['alliances', id] as const };

/** GET /api/alliances/:id */
export function useAlliance(id: number) {
  return useQuery({
    queryKey: allianceKeys.one(id),
    queryFn: () => api<AllianceDetail>(`/api/alliances/${id}`),
    enabled: id > 0,
  });
}
