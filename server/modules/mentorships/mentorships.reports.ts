import { type SkillGrade, skillGradeLabels } from '../../../common/enums.js';
import {
  type MentorshipListQuery,
  mentorshipStatusLabels,
  type SkillGradeChange,
} from '../../../common/schemas/mentorships.js';
import { labelOf } from '../../../common/schemas/studio-life.js';
import type { Ctx } from '../../core/context.js';
import { buildWorkbook } from '../../core/excel.js';
import { EXPORT_LIMIT, studioVisibility } from '../activities/studio-life.access.js';
import { getPersonRow } from '../people/people.service.js';
import * as repo from './mentorships.repository.js';

/** A person's skill-grade history, visible to whoever may see the person (people.read scope, or themself). */
export async function getSkillHistory({
  ctx,
  personId,
}: {
  ctx: Ctx;
  personId: number;
}): Promise<SkillGradeChange[]> {
  await getPersonRow({ ctx, id: personId });
  const rows = await repo.listSkillHistory({ db: ctx.db, personId });
  return rows.map((r) => ({
    id: r.id,
    personId: r.personId,
    fromGrade: r.fromGrade as SkillGrade | null,
    toGrade: r.toGrade as SkillGrade,
    changedOn: r.changedOn,
    source: r.source,
    sourceId: r.sourceId,
    note: r.note,
  }));
}

/** The agreements list as an .xlsx. */
export async function exportMentorships({
  ctx,
  query,
}: {
  ctx: Ctx;
  query: MentorshipListQuery;
}): Promise<Buffer> {
  const { items } = await repo.findMentorships({
    db: ctx.db,
    visible: studioVisibility(ctx, 'read'),
    query: { ...query, page: 1, pageSize: EXPORT_LIMIT },
  });
  return buildWorkbook([
    {
      name: '师带徒',
      headers: [
        '工作室',
        '师傅',
        '师傅工号',
        '徒弟',
        '徒弟工号',
        '开始日期',
        '结束日期',
        '培养目标',
        '目标等级',
        '状态',
        '出师日期',
        '取得等级',
        '证书',
        '进展记录数',
      ],
      rows: items.map((r) => [
        r.studioName,
        r.mentorName,
        r.mentorNo,
        r.apprenticeName,
        r.apprenticeNo,
        r.m.startsOn,
        r.m.endsOn,
        r.m.goals,
        labelOf(skillGradeLabels, r.m.targetGrade),
        labelOf(mentorshipStatusLabels, r.m.status),
        r.m.outcomeOn,
        labelOf(skillGradeLabels, r.m.outcomeGrade),
        r.m.certificate,
        r.noteCount,
      ]),
      widths: [24, 10, 12, 10, 12, 12, 12, 30, 10, 8, 12, 10, 20, 10],
    },
  ]);
}
