import {
  type AllocationListQuery,
  type ExpenseCategory,
  type ExpenseListQuery,
  expenseCategories,
  expenseCategoryLabels,
  type FundSource,
  type FundSummary,
  type FundSummaryQuery,
  type FundSummaryRow,
  fundSourceLabels,
  fundSources,
} from '../../../common/schemas/funds.js';
import { labelOf } from '../../../common/schemas/studio-life.js';
import { expenseStatusLabels } from '../../../common/workflows/fund-expenses.js';
import type { Ctx } from '../../core/context.js';
import { buildWorkbook } from '../../core/excel.js';
import { EXPORT_LIMIT, studioVisibility } from '../activities/studio-life.access.js';
import * as repo from './funds.repository.js';

const zeroBy = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/**
 * Budget against actual for one year: per studio the allocations of that year by source, the approved
 * expenses of that year by category, pending amounts, what remains and the execution rate; plus totals.
 * Covers the studios the actor administers or belongs to (optionally one studio).
 */
export async function getFundSummary({
  ctx,
  query,
}: {
  ctx: Ctx;
  query: FundSummaryQuery;
}): Promise<FundSummary> {
  const { alloc, spent, names } = await repo.summaryRows({
    db: ctx.db,
    visible: studioVisibility(ctx, 'contribute'),
    year: query.year,
    studioId: query.studioId,
  });
  const rows = new Map<number, FundSummaryRow>();
  const rowOf = (studioId: number) => {
    let r = rows.get(studioId);
    if (!r) {
      r = {
        studioId,
        studioName: names.find((n) => n.id === studioId)?.name ?? '',
        year: query.year,
        allocatedFen: 0,
        bySource: zeroBy(fundSources),
        approvedFen: 0,
        pendingFen: 0,
        byCategory: zeroBy(expenseCategories),
        remainingFen: 0,
        executionRate: null,
      };
      rows.set(studioId, r);
    }
    return r;
  };
  for (const a of alloc) {
    const r = rowOf(a.studioId);
    const n = Number(a.sum);
    r.allocatedFen += n;
    r.bySource[a.source as FundSource] += n;
  }
  for (const s of spent) {
    const r = rowOf(s.studioId);
    const n = Number(s.sum);
    if (s.status === 'approved') {
      r.approvedFen += n;
      r.byCategory[s.category as ExpenseCategory] += n;
    } else if (s.status === 'submitted') r.pendingFen += n;
  }
  const total: FundSummary['total'] = {
    year: query.year,
    allocatedFen: 0,
    bySource: zeroBy(fundSources),
    approvedFen: 0,
    pendingFen: 0,
    byCategory: zeroBy(expenseCategories),
    remainingFen: 0,
    executionRate: null,
  };
  const list = [...rows.values()].sort((a, b) => a.studioName.localeCompare(b.studioName, 'zh'));
  for (const r of list) {
    r.remainingFen = r.allocatedFen - r.approvedFen - r.pendingFen;
    r.executionRate =
      r.allocatedFen > 0 ? Math.round((r.approvedFen / r.allocatedFen) * 10000) / 10000 : null;
    total.allocatedFen += r.allocatedFen;
    total.approvedFen += r.approvedFen;
    total.pendingFen += r.pendingFen;
    for (const k of fundSources) total.bySource[k] += r.bySource[k];
    for (const k of expenseCategories) total.byCategory[k] += r.byCategory[k];
  }
  total.remainingFen = total.allocatedFen - total.approvedFen - total.pendingFen;
  total.executionRate =
    total.allocatedFen > 0 ? Math.round((total.approvedFen / total.allocatedFen) * 10000) / 10000 : null;
  return { year: query.year, rows: list, total };
}

/** Budget vs actual as an .xlsx, one row per studio and a total row; amounts in yuan. */
export async function exportFundSummary({ ctx, query }: { ctx: Ctx; query: FundSummaryQuery }) {
  const s = await getFundSummary({ ctx, query });
  const line = (name: string, r: FundSummary['total']) => [
    name,
    ...fundSources.map((k) => r.bySource[k] / 100),
    r.allocatedFen / 100,
    ...expenseCategories.map((k) => r.byCategory[k] / 100),
    r.approvedFen / 100,
    r.pendingFen / 100,
    r.remainingFen / 100,
    r.executionRate === null ? null : `${(r.executionRate * 100).toFixed(1)}%`,
  ];
  return buildWorkbook([
    {
      name: `${s.year}年经费执行`,
      headers: [
        '工作室',
        ...fundSources.map((k) => `${fundSourceLabels[k].zh}（元）`),
        '拨款合计（元）',
        ...expenseCategories.map((k) => `${expenseCategoryLabels[k].zh}支出（元）`),
        '已批准支出（元）',
        '待审批（元）',
        '结余（元）',
        '执行率',
      ],
      rows: [...s.rows.map((r) => line(r.studioName, r)), line('合计', s.total)],
      widths: [24, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 10],
    },
  ]);
}

/** The allocations list as an .xlsx. */
export async function exportAllocations({ ctx, query }: { ctx: Ctx; query: AllocationListQuery }) {
  const { items } = await repo.findAllocations({
    db: ctx.db,
    visible: studioVisibility(ctx, 'contribute'),
    query: { ...query, page: 1, pageSize: EXPORT_LIMIT },
  });
  return buildWorkbook([
    {
      name: '经费拨款',
      headers: ['年度', '工作室', '来源', '金额（元）', '到账日期', '备注'],
      rows: items.map((r) => [
        r.a.year,
        r.studioName,
        labelOf(fundSourceLabels, r.a.source),
        r.a.amountFen / 100,
        r.a.receivedOn,
        r.a.note,
      ]),
      widths: [8, 24, 12, 14, 12, 30],
    },
  ]);
}

/** The expenses list as an .xlsx. */
export async function exportExpenses({ ctx, query }: { ctx: Ctx; query: ExpenseListQuery }) {
  const { items } = await repo.findExpenses({
    db: ctx.db,
    visible: studioVisibility(ctx, 'contribute'),
    query: { ...query, page: 1, pageSize: EXPORT_LIMIT },
  });
  return buildWorkbook([
    {
      name: '经费支出',
      headers: [
        '支出日期',
        '工作室',
        '类别',
        '金额（元）',
        '收款方',
        '用途说明',
        '状态',
        '票据数',
        '审批意见',
      ],
      rows: items.map((r) => [
        r.e.spentOn,
        r.studioName,
        labelOf(expenseCategoryLabels, r.e.category),
        r.e.amountFen / 100,
        r.e.payee,
        r.e.description,
        labelOf(expenseStatusLabels, r.e.status),
        r.receiptCount,
        r.e.decisionNote,
      ]),
      widths: [12, 24, 8, 14, 20, 36, 8, 8, 24],
    },
  ]);
}
