import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { Page } from '../../../../common/schemas/shared';
import type {
  PublicHome,
  PublicNaming,
  PublicNotice,
  PublicResult,
  PublicResultCard,
  PublicResultQuery,
  PublicStudio,
} from '../../../../common/schemas/showcase';
import { api } from '../../shared/api/client';

const pub = <T>(path: string, query?: Record<string, string | number | undefined>) =>
  api<T>(path, { query, redirectOn401: false });

export const photoUrl = (id: number) => `/api/public/showcase/photos/${id}`;

export const useShowcaseHome = () =>
  useQuery({ queryKey: ['showcase', 'home'], queryFn: () => pub<PublicHome>('/api/public/showcase') });

export const usePublicStudio = (id: number) =>
  useQuery({
    queryKey: ['showcase', 'studio', id],
    queryFn: () => pub<PublicStudio>(`/api/public/showcase/studios/${id}`),
    enabled: Number.isInteger(id) && id > 0,
  });

export const usePublicResults = (q: Partial<PublicResultQuery>) =>
  useQuery({
    queryKey: ['showcase', 'results', q],
    queryFn: () => pub<Page<PublicResultCard>>('/api/public/showcase/results', q),
  });

export const usePublicResult = (id: number) =>
  useQuery({
    queryKey: ['showcase', 'result', id],
    queryFn: () => pub<PublicResult>(`/api/public/showcase/results/${id}`),
    enabled: Number.isInteger(id) && id > 0,
  });

export const usePublicFilters = () =>
  useQuery({
    queryKey: ['showcase', 'filters'],
    queryFn: () =>
      pub<{ enterprises: { id: number; name: string }[]; fields: string[] }>('/api/public/showcase/filters'),
    staleTime: 10 * 60_000,
  });

export const usePublicNamings = () =>
  useQuery({
    queryKey: ['showcase', 'namings'],
    queryFn: () => pub<PublicNaming[]>('/api/public/showcase/namings'),
  });

export const usePublicNotices = () =>
  useQuery({
    queryKey: ['showcase', 'notices'],
    queryFn: () => pub<PublicNotice[]>('/api/public/showcase/notices'),
  });

function setMeta(attr: 'name' | 'property', key: string, content: string) {
  let el = document.head.querySelector<HTMLMetaElement>(`meta[${attr}="${key}"]`);
  if (!el) {
    el = document.createElement('meta');
    el.setAttribute(attr, key);
    document.head.appendChild(el);
  }
  el.content = content;
}

/** Sets the page's <title>, meta description and Open Graph tags, so a shared link reads well. */
export function useDocumentMeta(title: string | undefined, description: string | undefined) {
  useEffect(() => {
    if (!title) return;
    document.title = title;
    setMeta('property', 'og:title', title);
    if (description) {
      setMeta('name', 'description', description);
      setMeta('property', 'og:description', description);
    }
  }, [title, description]);
}
