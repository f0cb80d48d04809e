import { useQuery } from '@tanstack/react-query';
import type { FileInfo } from '../../../../common/schemas/files';
import type { Member, Studio } from '../../../../common/schemas/studios';
import { api } from '../../shared/api/client';

export const studioKeys = {
  all: ['studios'] as const,
  one: (id: number) => ['studios', id] as const,
  members: (id: number, history: boolean) => ['studios', id, 'members', history] as const,
  atRisk: ['studios', 'at-risk'] as const,
};
export const fileKeys = {
  owner: (ownerType: string, ownerId: number) => ['files', ownerType, ownerId] as const,
};

/** GET /api/studios/:id */
export function useStudio(id: number) {
  return useQuery({
    queryKey: studioKeys.one(id),
    queryFn: () => api<Studio>(`/api/studios/${id}`),
    enabled: id > 0,
  });
}

/** The roster, with former members when `history`. */
export function useMembers(id: number, history: boolean) {
  return useQuery({
    queryKey: studioKeys.members(id, history),
    queryFn: () =>
      api<Member[]>(`/api/studios/${id}/members`, {
        query: { includeHistory: history ? 'true' : undefined },
      }),
  });
}

/** The live attachments of an owner (any module: studio, application, result…). */
export function useFiles(ownerType: string, ownerId: number) {
  return useQuery({
    queryKey: fileKeys.owner(ownerType, ownerId),
    queryFn: () => api<FileInfo[]>('/api/files', { query: { ownerType, ownerId } }),
  });
}
