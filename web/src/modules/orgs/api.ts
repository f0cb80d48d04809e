import { useQuery } from '@tanstack/react-query';
import type { Org } from '../../../../common/schemas/orgs';
import { api } from '../../shared/api/client';

export const orgKeys = {
  all: ['orgs'] as const,
  tree: (archived: boolean) => ['orgs', 'tree', archived] as const,
};

/** Every org the user may see (GET /api/orgs/tree), flat, parents first. */
export function useOrgTree(includeArchived = false) {
  return useQuery({
    queryKey: orgKeys.tree(includeArchived),
    queryFn: () => api<Org[]>('/api/orgs/tree', { query: { includeArchived: includeArchived || undefined } }),
    staleTime: 60_000,
  });
}
