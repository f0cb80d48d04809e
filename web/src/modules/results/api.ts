import { useQuery } from '@tanstack/react-query';
import type { Adoption } from '../../../../common/schemas/adoptions';
import type { Benefit } from '../../../../common/schemas/benefits';
import type { Portfolio } from '../../../../common/schemas/portfolio';
import type { Result } from '../../../../common/schemas/results';
import { api } from '../../shared/api/client';

export const resultKeys = {
  all: ['results'] as const,
  one: (id: number) => ['results', id] as const,
  benefits: (id: number) => ['results', id, 'benefits'] as const,
  adoptions: (id: number) => ['results', id, 'adoptions'] as const,
  market: ['market'] as const,
  portfolio: (personId: number) => ['portfolio', personId] as const,
};

export function useResult(id: number) {
  return useQuery({
    queryKey: resultKeys.one(id),
    queryFn: () => api<Result>(`/api/results/${id}`),
    enabled: id > 0,
  });
}
export function useResultBenefits(id: number) {
  return useQuery({
    queryKey: resultKeys.benefits(id),
    queryFn: () => api<Benefit[]>(`/api/results/${id}/benefits`),
  });
}
export function useAdoptions(id: number) {
  return useQuery({
    queryKey: resultKeys.adoptions(id),
    queryFn: () => api<Adoption[]>(`/api/results/${id}/adoptions`),
  });
}
export function usePortfolio(personId: number) {
  return useQuery({
    queryKey: resultKeys.portfolio(personId),
    queryFn: () => api<Portfolio>(`/api/people/${personId}/portfolio`),
  });
}
