import type { MarketItem, MarketQuery } from '../../../common/schemas/adoptions.js';
import { resultGradeLabels, resultKindLabels } from '../../../common/schemas/results.js';
import type { Ctx } from '../../core/context.js';
import { exportList, type ListColumn, yuan } from '../../core/excel.js';
import { findMarket } from './adoptions.service.js';

const columns: ListColumn<MarketItem>[] = [
  { zh: '档案号', en: 'Archive no.', width: 18, value: (m) => m.archiveNo },
  { zh: '成果名称', en: 'Title', width: 34, value: (m) => m.title },
  { zh: '类别', en: 'Kind', width: 12, value: (m, l) => resultKindLabels[m.kind][l] },
  { zh: '专业领域', en: 'Field', width: 12, value: (m) => m.field },
  { zh: '解决的问题', en: 'Problem addressed', width: 40, value: (m) => m.problem },
  { zh: '工作室', en: 'Studio', width: 26, value: (m) => m.studioName },
  { zh: '所属企业', en: 'Enterprise', width: 18, value: (m) => m.enterpriseName },
  { zh: '认定日期', en: 'Recognised on', width: 12, value: (m) => m.recognisedOn },
  {
    zh: '认定等级',
    en: 'Grade',
    width: 10,
    value: (m, l) => (m.grade ? resultGradeLabels[m.grade][l] : null),
  },
  { zh: '奖项', en: 'Award', width: 20, value: (m) => m.award },
  { zh: '推广应用单位数', en: 'Adoptions', width: 10, value: (m) => m.adoptionCount },
  {
    zh: '已核实经济效益（元，仅计财务核实）',
    en: 'Verified benefit (yuan, finance-verified only)',
    width: 20,
    value: (m) => yuan(m.verifiedBenefitFen),
  },
];

/** The results market as the page shows it (confidential results are never in it), as an .xlsx. */
export function exportMarket({ ctx, query }: { ctx: Ctx; query: MarketQuery }) {
  return exportList({
    sheet: { zh: '成果推广', en: 'Results market' },
    lang: ctx.lang,
    columns,
    query,
    fetchPage: (q) => findMarket({ ctx, query: q }),
  });
}
