import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Me } from '../../../../common/schemas/auth';
import { ApiError, api, setCsrfToken } from '../api/client';

export const ME_KEY = ['auth', 'me'] as const;

/** GET /api/auth/me; null when nobody is logged in. Keeps the CSRF token for later requests. */
export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api<Me>('/api/auth/me', { redirectOn401: false });
    setCsrfToken(me.csrfToken);
    return me;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw err;
  }
}

/** The logged-in user (undefined while loading, null when logged out). */
export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 5 * 60_000, retry: false });
}

/** Stores a fresh `me` (after login or password change) so the app re-renders as that user. */
export function useSetMe() {
  const qc = useQueryClient();
  return (me: Me | null) => {
    setCsrfToken(me?.csrfToken ?? null);
    if (me === null) qc.clear();
    qc.setQueryData(ME_KEY, me);
  };
}
