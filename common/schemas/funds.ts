import { z } from 'zod';
import { expenseActions, expenseStatuses } from '../workflows/fund-expenses.js';
import { abilities, id, pageQuery, version, year } from './shared.js';
import { calendarDate, fen, lifeListFilters, optText } from './studio-life.js';

type Labels<T extends string> = Record<T, { zh: string; en: string }>;

export const fundSources = ['unionGrant', 'enterpriseMatch', 'upperAward'] as const;
export type FundSource = (typeof fundSources)[number];
export const fundSourceLabels: Labels<FundSource> = {
  unionGrant: { zh: '工会补助', en: 'Union grant' },
  enterpriseMatch: { zh: '企业配套', en: 'Enterprise match' },
  upperAward: { zh: '上级奖励', en: 'Award from above' },
};

export const expenseCategories = ['equipment', 'project', 'training', 'promotion'] as const;
export type ExpenseCategory = (typeof expenseCategories)[number];
export const expenseCategoryLabels: Labels<ExpenseCategory> = {
  equipment: { zh: '设备', en: 'Equipment' },
  project: { zh: '项目', en: 'Projects' },
  training: { zh: '培训', en: 'Training' },
  promotion: { zh: '推广', en: 'Promotion' },
};

const allocationFields = {
  year,
  source: z.enum(fundSources),
  amountFen: fen,
  receivedOn: calendarDate.nullable().optional(),
  note: optText(500),
};
export const allocationCreate = z.object({ studioId: id, ...allocationFields });
export type AllocationCreate = z.infer<typeof allocationCreate>;
export const allocationUpdate = z.object(allocationFields).partial().extend({ version });
export type AllocationUpdate = z.infer<typeof allocationUpdate>;

export const allocation = z.object({
  id: z.number().int(),
  studioId: z.number().int(),
  studioName: z.string(),
  year: z.number().int(),
  source: z.enum(fundSources),
  amountFen: z.number().int(),
  receivedOn: z.string().nullable(),
  note: z.string().nullable(),
  archivedAt: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
  abilities: abilities.optional(),
});
export type Allocation = z.infer<typeof allocation>;

const expenseFields = {
  category: z.enum(expenseCategories),
  amountFen: fen,
  spentOn: calendarDate,
  payee: optText(100),
  description: z.string().trim().min(1).max(1000),
};
export const expenseCreate = z.object({ studioId: id, ...expenseFields });
export type ExpenseCreate = z.infer<typeof expenseCreate>;
export const expenseUpdate = z.object(expenseFields).partial().extend({ version });
export type ExpenseUpdate = z.infer<typeof expenseUpdate>;
/** Body of a workflow action; a rejection needs the note (退回意见). */
export const expenseTransition = z.object({ version, note: optText(500) });
export type ExpenseTransition = z.infer<typeof expenseTransition>;
export const expenseActionParams = z.object({ id, action: z.enum(expenseActions) });

export const expense = z.object({
  id: z.number().int(),
  studioId: z.number().int(),
  studioName: z.string(),
  year: z.number().int(),
  category: z.enum(expenseCategories),
  amountFen: z.number().int(),
  spentOn: z.string(),
  payee: z.string().nullable(),
  description: z.string(),
  status: z.enum(expenseStatuses),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  receiptCount: z.number().int(),
  archivedAt: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
  /** update, archive, restore and each workflow action the caller may take now. */
  abilities: abilities.optional(),
});
export type Expense = z.infer<typeof expense>;

export const fundBalance = z.object({
  studioId: z.number().int(),
  allocatedFen: z.number().int(),
  approvedFen: z.number().int(),
  pendingFen: z.number().int(),
  /** allocated − approved − pending: what may still be committed. */
  availableFen: z.number().int(),
});
export type FundBalance = z.infer<typeof fundBalance>;

export const expenseEvent = z.object({
  action: z.string(),
  fromStatus: z.string(),
  toStatus: z.string(),
  actorName: z.string().nullable(),
  note: z.string().nullable(),
  at: z.string(),
});
export const expenseDetail = expense.extend({ events: z.array(expenseEvent), balance: fundBalance });
export type ExpenseDetail = z.infer<typeof expenseDetail>;

export const allocationListQuery = pageQuery.extend({
  ...lifeListFilters,
  year: z.coerce.number().int().min(1900).max(2100).optional(),
  source: z.enum(fundSources).optional(),
});
export type AllocationListQuery = z.infer<typeof allocationListQuery>;
export const expenseListQuery = pageQuery.extend({
  ...lifeListFilters,
  year: z.coerce.number().int().min(1900).max(2100).optional(),
  category: z.enum(expenseCategories).optional(),
  status: z.enum(expenseStatuses).optional(),
});
export type ExpenseListQuery = z.infer<typeof expenseListQuery>;

export const fundSummaryQuery = z.object({
  year: z.coerce.number().int().min(1900).max(2100),
  studioId: z.coerce.number().int().positive().optional(),
});
export type FundSummaryQuery = z.infer<typeof fundSummaryQuery>;

/** Budget (allocations of the year) against actual (approved spending of the year) for one studio. */
export const fundSummaryRow = z.object({
  studioId: z.number().int(),
  studioName: z.string(),
  year: z.number().int(),
  allocatedFen: z.number().int(),
  bySource: z.record(z.enum(fundSources), z.number().int()),
  approvedFen: z.number().int(),
  pendingFen: z.number().int(),
  byCategory: z.record(z.enum(expenseCategories), z.number().int()),
  remainingFen: z.number().int(),
  /** approved / allocated, 0…1 (null without allocation). */
  executionRate: z.number().nullable(),
});
export type FundSummaryRow = z.infer<typeof fundSummaryRow>;
export const fundSummary = z.object({
  year: z.number().int(),
  rows: z.array(fundSummaryRow),
  total: fundSummaryRow.omit({ studioId: true, studioName: true }),
});
export type FundSummary = z.infer<typeof fundSummary>;
