import {
  patentStatusLabels,
  patentTypeLabels,
  type ResultListQuery,
  resultGradeLabels,
  resultKindLabels,
} from '../../../common/schemas/results.js';
import { resultStatusLabels } from '../../../common/workflows/result.js';
import type { Ctx } from '../../core/context.js';
import { buildWorkbook } from '../../core/excel.js';
import { actorViewOf } from '../innovation/innovation.scope.js';
import * as repo from './results.repository.js';
import { toResultListItem } from './results.service.js';

/** The results list as an .xlsx with the same filters and columns as the page. */
export async function exportResults({ ctx, query }: { ctx: Ctx; query: ResultListQuery }): Promise<Buffer> {
  const view = await actorViewOf(ctx);
  const { items } = await repo.findResults({ db: ctx.db, view, query, all: true });
  const l = ctx.lang;
  const zh = l !== 'en';
  return buildWorkbook([
    {
      name: zh ? '创新成果' : 'Results',
      headers: zh
        ? [
            '档案号',
            '成果名称',
            '类别',
            '专业领域',
            '状态',
            '年度',
            '工作室',
            '所属单位',
            '完成人',
            '实施日期',
            '认定等级',
            '奖项',
            '专利类型',
            '专利状态',
            '已核实经济效益（元，仅计财务核实）',
          ]
        : [
            'Archive no.',
            'Title',
            'Kind',
            'Field',
            'Status',
            'Year',
            'Studio',
            'Host org',
            'Contributors',
            'Implemented',
            'Grade',
            'Award',
            'Patent type',
            'Patent status',
            'Verified benefit (yuan, finance-verified only)',
          ],
      widths: [18, 36, 12, 12, 10, 8, 26, 18, 24, 12, 10, 24, 12, 10, 20],
      rows: items
        .map(toResultListItem)
        .map((r) => [
          r.archiveNo,
          r.title,
          resultKindLabels[r.kind][l],
          r.field,
          resultStatusLabels[r.status][l],
          r.year,
          r.studioName,
          r.orgName,
          r.contributorNames,
          r.implementedOn,
          r.grade ? resultGradeLabels[r.grade][l] : null,
          r.award,
          r.patentType ? patentTypeLabels[r.patentType][l] : null,
          r.patentStatus ? patentStatusLabels[r.patentStatus][l] : null,
          r.verifiedBenefitFen / 100,
        ]),
    },
  ]);
}
