import { useQuery } from '@tanstack/react-query';
import type { Person } from '../../../../common/schemas/people';
import { api } from '../../shared/api/client';

export const peopleKeys = { all: ['people'] as const, one: (id: number) => ['people', id] as const };

/** GET /api/people/:id */
export function usePerson(id: number) {
  return useQuery({
    queryKey: peopleKeys.one(id),
    queryFn: () => api<Person>(`/api/people/${id}`),
    enabled: id > 0,
  });
}
