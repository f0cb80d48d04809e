import { useQuery } from '@tanstack/react-query';
import type { MentorshipDetail } from '../../../../common/schemas/mentorships';
import { api } from '../../shared/api/client';

export const mentorshipKeys = {
  all: ['mentorships'] as const,
  one: (id: number) => ['mentorships', id] as const,
};

/** GET /api/mentorships/:id */
export function useMentorship(id: number) {
  return useQuery({
    queryKey: mentorshipKeys.one(id),
    queryFn: () => api<MentorshipDetail>(`/api/mentorships/${id}`),
    enabled: id > 0,
  });
}
