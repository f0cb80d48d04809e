import { useQuery } from '@tanstack/react-query';
import type { Job } from '../../../../common/schemas/jobs';
import { api } from '../../shared/api/client';

/** The user's latest jobs of a kind, polled every second while one is queued or running (survives a reload). */
export function useMyJobs(kind?: string) {
  return useQuery({
    queryKey: ['jobs', kind],
    queryFn: () => api<Job[]>('/api/jobs', { query: { kind } }),
    refetchInterval: (q) =>
      q.state.data?.some((j) => j.status === 'queued' || j.status === 'running') ? 1000 : false,
  });
}
