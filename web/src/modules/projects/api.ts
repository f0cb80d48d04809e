import { useQuery } from '@tanstack/react-query';
import type { Project } from '../../../../common/schemas/projects';
import type { Page } from '../../../../common/schemas/shared';
import type { SimilarItem } from '../../../../common/schemas/similarity';
import type { StudioListItem } from '../../../../common/schemas/studios';
import { api } from '../../shared/api/client';
import { useMe } from '../../shared/hooks/useMe';

export const projectKeys = {
  all: ['projects'] as const,
  one: (id: number) => ['projects', id] as const,
};

/** GET /api/projects/:id */
export function useProject(id: number) {
  return useQuery({
    queryKey: projectKeys.one(id),
    queryFn: () => api<Project>(`/api/projects/${id}`),
    enabled: id > 0,
  });
}

/** The similarity check: GET /api/similar (skipped until the text says enough). */
export function useSimilar(params: {
  text: string;
  kind?: 'project' | 'result';
  excludeProjectId?: number;
  excludeResultId?: number;
}) {
  const text = params.text.trim();
  return useQuery({
    queryKey: [
      'similar',
      params.kind ?? 'all',
      params.excludeProjectId ?? 0,
      params.excludeResultId ?? 0,
      text,
    ],
    queryFn: () =>
      api<SimilarItem[]>('/api/similar', {
        query: {
          text,
          kind: params.kind,
          excludeProjectId: params.excludeProjectId,
          excludeResultId: params.excludeResultId,
        },
      }),
    enabled: text.length >= 4,
    staleTime: 60_000,
  });
}

/** Yuan typed in a form → integer fen for the API. */
export const toFen = (yuan: number | null | undefined) => Math.round((yuan ?? 0) * 100);
/** Integer fen → yuan for a form field. */
export const toYuan = (fen: number | null | undefined) => (fen ?? 0) / 100;

/** The studio the current user leads (to prefill forms), if any among the studios they can see. */
export function useMyStudio() {
  const { data: me } = useMe();
  const { data } = useQuery({
    queryKey: ['studios', 'mine', me?.personId ?? 0],
    queryFn: () => api<Page<StudioListItem>>('/api/studios', { query: { pageSize: 200 } }),
    enabled: !!me?.personId,
    staleTime: 5 * 60_000,
  });
  return data?.items.find((s) => s.leaderPersonId === me?.personId);
}
