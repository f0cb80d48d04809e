import { useQuery } from '@tanstack/react-query';
import type { ApplicationDetail, MyReview, PublicityItem } from '../../../../common/schemas/applications';
import type { ConditionCheck, ReviewTask, Rulebook } from '../../../../common/schemas/rulebooks';
import { api } from '../../shared/api/client';

export const applicationKeys = {
  all: ['applications'] as const,
  one: (id: number) => ['applications', id] as const,
  myReview: (id: number) => ['applications', id, 'my-review'] as const,
  reviews: ['reviews'] as const,
  publicity: ['publicity'] as const,
};

/** GET /api/applications/:id */
export function useApplication(id: number) {
  return useQuery({
    queryKey: applicationKeys.one(id),
    queryFn: () => api<ApplicationDetail>(`/api/applications/${id}`),
    enabled: id > 0,
  });
}

/** The rulebook version pinned to an application (its sheet and conditions). */
export function useRulebook(id: number | undefined) {
  return useQuery({
    queryKey: ['rulebooks', id],
    queryFn: () => api<Rulebook>(`/api/rulebooks/${id}`),
    enabled: !!id,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useMyReview(id: number) {
  return useQuery({
    queryKey: applicationKeys.myReview(id),
    queryFn: () => api<MyReview>(`/api/applications/${id}/my-review`),
    enabled: id > 0,
  });
}

export function useReviewTasks(status: 'open' | 'done' | 'all') {
  return useQuery({
    queryKey: [...applicationKeys.reviews, status],
    queryFn: () => api<ReviewTask[]>('/api/reviews/mine', { query: { status } }),
  });
}

export function usePublicity() {
  return useQuery({
    queryKey: applicationKeys.publicity,
    queryFn: () => api<PublicityItem[]>('/api/publicity'),
  });
}

export function useConditionCheck(studioId: number | undefined, level: string | undefined) {
  return useQuery({
    queryKey: ['condition-check', studioId, level],
    queryFn: () => api<ConditionCheck>('/api/applications/condition-check', { query: { studioId, level } }),
    enabled: !!studioId && !!level,
  });
}
