import { useQuery } from '@tanstack/react-query';
import type { ExpenseDetail } from '../../../../common/schemas/funds';
import { api } from '../../shared/api/client';

export const fundKeys = {
  expenses: ['funds', 'expenses'] as const,
  expense: (id: number) => ['funds', 'expenses', id] as const,
  allocations: ['funds', 'allocations'] as const,
  summary: (year: number, studioId?: number) => ['funds', 'summary', year, studioId] as const,
};

/** GET /api/funds/expenses/:id */
export function useExpense(id: number) {
  return useQuery({
    queryKey: fundKeys.expense(id),
    queryFn: () => api<ExpenseDetail>(`/api/funds/expenses/${id}`),
    enabled: id > 0,
  });
}

/** Yuan typed in a form → integer fen for the API. */
export const toFen = (yuan: number) => Math.round(yuan * 100);
