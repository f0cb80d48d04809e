import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { StatsComparison, StatsOverview } from '../../../../common/schemas/stats';
import { api } from '../../shared/api/client';
import { useI18n } from '../../shared/i18n';

/** GET /api/stats/overview for one org node and year. */
export function useOverview(orgId: number | undefined, year: number) {
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['stats', 'overview', orgId, year, lang],
    queryFn: () => api<StatsOverview>('/api/stats/overview', { query: { orgId, year } }),
    enabled: !!orgId,
    placeholderData: keepPreviousData,
  });
}

/** GET /api/stats/trend or /api/stats/compare for a period of whole years. */
export function useComparison(
  kind: 'trend' | 'compare',
  orgId: number | undefined,
  from: number,
  to: number,
) {
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['stats', kind, orgId, from, to, lang],
    queryFn: () => api<StatsComparison>(`/api/stats/${kind}`, { query: { orgId, from, to } }),
    enabled: !!orgId,
    placeholderData: keepPreviousData,
  });
}
