import { useQuery } from '@tanstack/react-query';
import type { IdeaDetail, PublicIdeaStatus, SimilarIdea } from '../../../../common/schemas/ideas';
import { api } from '../../shared/api/client';

export const ideaKeys = {
  all: ['ideas'] as const,
  one: (id: number) => ['ideas', id] as const,
  routes: ['ideas', 'routes'] as const,
};

/** GET /api/ideas/:id */
export function useIdea(id: number) {
  return useQuery({
    queryKey: ideaKeys.one(id),
    queryFn: () => api<IdeaDetail>(`/api/ideas/${id}`),
    enabled: id > 0,
  });
}

/** Similar earlier ideas while typing (logged-in, or public with the chosen org). */
export function useSimilarIdeas(text: string, opts: { publicOrgCode?: string | null; enabled: boolean }) {
  const isPublic = opts.publicOrgCode !== undefined;
  return useQuery({
    queryKey: ['ideas', 'similar', isPublic ? opts.publicOrgCode : 'me', text],
    queryFn: () =>
      api<SimilarIdea[]>(isPublic ? '/api/public/ideas/similar' : '/api/ideas/similar', {
        query: { text, orgCode: opts.publicOrgCode ?? undefined },
        redirectOn401: false,
      }),
    enabled: opts.enabled && text.trim().length >= 4 && (!isPublic || !!opts.publicOrgCode),
    staleTime: 60_000,
  });
}

/** GET /api/public/ideas/track/:code — no login. */
export function fetchTracking(code: string) {
  return api<PublicIdeaStatus>(`/api/public/ideas/track/${encodeURIComponent(code)}`, {
    redirectOn401: false,
  });
}
