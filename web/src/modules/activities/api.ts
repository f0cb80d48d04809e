import { useQuery } from '@tanstack/react-query';
import type { ActivityDetail } from '../../../../common/schemas/activities';
import type { PersonLife } from '../../../../common/schemas/person-life';
import { api } from '../../shared/api/client';

export const activityKeys = {
  all: ['activities'] as const,
  one: (id: number) => ['activities', id] as const,
  life: (personId: number) => ['people', personId, 'life'] as const,
};

/** GET /api/activities/:id */
export function useActivity(id: number) {
  return useQuery({
    queryKey: activityKeys.one(id),
    queryFn: () => api<ActivityDetail>(`/api/activities/${id}`),
    enabled: id > 0,
  });
}

/** GET /api/people/:id/life — training hours, certificates, contest results, mentoring, skill history. */
export function usePersonLife(personId: number) {
  return useQuery({
    queryKey: activityKeys.life(personId),
    queryFn: () => api<PersonLife>(`/api/people/${personId}/life`),
    enabled: personId > 0,
  });
}
