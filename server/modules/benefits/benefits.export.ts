import { type Benefit, type BenefitListQuery, periodUnitLabels } from '../../../common/schemas/benefits.js';
import { benefitStatusLabels } from '../../../common/workflows/benefit.js';
import type { Ctx } from '../../core/context.js';
import { exportList, type ListColumn, yuan } from '../../core/excel.js';
import { findBenefits } from './benefits.service.js';

const columns: ListColumn<Benefit>[] = [
  { zh: '成果档案号', en: 'Archive no.', width: 18, value: (b) => b.resultArchiveNo },
  { zh: '成果名称', en: 'Result', width: 32, value: (b) => b.resultTitle },
  { zh: '产生效益单位', en: 'Unit', width: 20, value: (b) => b.orgName },
  { zh: '计算期自', en: 'Period from', width: 12, value: (b) => b.periodFrom },
  { zh: '计算期至', en: 'Period to', width: 12, value: (b) => b.periodTo },
  { zh: '改进前（元）', en: 'Before (yuan)', value: (b) => yuan(b.beforeValueFen) },
  { zh: '改进后（元）', en: 'After (yuan)', value: (b) => yuan(b.afterValueFen) },
  { zh: '期数', en: 'Periods', width: 8, value: (b) => b.periodCount },
  { zh: '期间单位', en: 'Per', width: 8, value: (b, l) => periodUnitLabels[b.periodUnit][l] },
  { zh: '实施费用（元）', en: 'Cost (yuan)', value: (b) => yuan(b.implementationCostFen) },
  { zh: '经济效益（元）', en: 'Benefit (yuan)', width: 16, value: (b) => yuan(b.amountFen) },
  {
    zh: '分摊',
    en: 'Attribution',
    width: 30,
    value: (b) => b.attribution.map((a) => `${a.orgName} ${a.share}%`).join('；') || null,
  },
  { zh: '状态', en: 'Status', width: 10, value: (b, l) => benefitStatusLabels[b.status][l] },
  { zh: '财务核实人', en: 'Verified by', width: 12, value: (b) => b.verifierName },
  { zh: '核实日期', en: 'Verified on', width: 12, value: (b) => b.verifiedOn },
  { zh: '测算依据', en: 'Basis', width: 40, value: (b) => b.basis },
];

/** The finance queue / benefit list as an .xlsx with the page's filters (only 已核实 rows count in totals). */
export function exportBenefits({ ctx, query }: { ctx: Ctx; query: BenefitListQuery }) {
  return exportList({
    sheet: { zh: '经济效益', en: 'Benefits' },
    lang: ctx.lang,
    columns,
    query,
    fetchPage: (q) => findBenefits({ ctx, query: q }),
  });
}
