import { and, asc, eq, isNotNull, isNull, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type SkillGrade, skillGradeLabels } from '../../../common/enums.js';
import {
  type ActivityKind,
  activityKindLabels,
  type ParticipantRole,
} from '../../../common/schemas/activities.js';
import {
  type ContestAward,
  type ContestLevel,
  contestAwardLabels,
  contestLevelLabels,
} from '../../../common/schemas/contests.js';
import {
  type MentorshipStatus,
  mentorshipStatusLabels,
  skillGradeSourceLabels,
} from '../../../common/schemas/mentorships.js';
import type { PersonLife } from '../../../common/schemas/person-life.js';
import { labelOf } from '../../../common/schemas/studio-life.js';
import type { Ctx } from '../../core/context.js';
import { buildWorkbook } from '../../core/excel.js';
import { contestPoints } from '../contests/contests.policy.js';
import { contestEntries, contests } from '../contests/contests.table.js';
import { listSkillHistory } from '../mentorships/mentorships.repository.js';
import { mentorships } from '../mentorships/mentorships.table.js';
import { getPersonRow } from '../people/people.service.js';
import { people } from '../people/people.table.js';
import { studios } from '../studios/studios.table.js';
import { activities, activityParticipants } from './activities.table.js';

/**
 * Studio life of one person for their page: attended activities with training hours (trainee hours in
 * trainings, per year), certificates (trainings and 出师), contest results with points, mentoring as
 * mentor or apprentice and the skill-grade history. Visible to whoever may see the person (people.read
 * scope, or the person themself); throws people.not_found otherwise.
 */
export async function getPersonLife({ ctx, personId }: { ctx: Ctx; personId: number }): Promise<PersonLife> {
  await getPersonRow({ ctx, id: personId });
  const db = ctx.db;
  const acts = await db
    .select({ a: activities, p: activityParticipants, studioName: studios.name })
    .from(activityParticipants)
    .innerJoin(activities, eq(activities.id, activityParticipants.activityId))
    .innerJoin(studios, eq(studios.id, activities.studioId))
    .where(
      and(
        eq(activityParticipants.personId, personId),
        isNotNull(activityParticipants.attendedAt),
        isNull(activities.archivedAt),
      ),
    )
    .orderBy(asc(activities.heldOn), asc(activities.id));
  const ents = await db
    .select({ c: contests, e: contestEntries })
    .from(contestEntries)
    .innerJoin(contests, eq(contests.id, contestEntries.contestId))
    .where(and(eq(contestEntries.personId, personId), isNull(contests.archivedAt)))
    .orderBy(asc(contests.heldOn), asc(contests.id));
  const mentor = alias(people, 'mentor_p');
  const apprentice = alias(people, 'apprentice_p');
  const ms = await db
    .select({
      m: mentorships,
      studioName: studios.name,
      mentorName: mentor.name,
      apprenticeName: apprentice.name,
    })
    .from(mentorships)
    .innerJoin(studios, eq(studios.id, mentorships.studioId))
    .innerJoin(mentor, eq(mentor.id, mentorships.mentorPersonId))
    .innerJoin(apprentice, eq(apprentice.id, mentorships.apprenticePersonId))
    .where(
      and(
        or(eq(mentorships.mentorPersonId, personId), eq(mentorships.apprenticePersonId, personId)),
        isNull(mentorships.archivedAt),
      ),
    )
    .orderBy(asc(mentorships.startsOn), asc(mentorships.id));
  const history = await listSkillHistory({ db, personId });

  const activityList = acts.map((r) => ({
    activityId: r.a.id,
    title: r.a.title,
    kind: r.a.kind as ActivityKind,
    studioName: r.studioName,
    heldOn: r.a.heldOn,
    role: r.p.role as ParticipantRole,
    hours: r.p.hours === null ? Number(r.a.hours) : Number(r.p.hours),
    certificate: r.p.certificate,
  }));
  const byYear = new Map<number, number>();
  let trainingHours = 0;
  for (const a of activityList) {
    if (a.kind !== 'training' || a.role !== 'trainee') continue;
    trainingHours += a.hours;
    const y = Number(a.heldOn.slice(0, 4));
    byYear.set(y, (byYear.get(y) ?? 0) + a.hours);
  }
  const round = (n: number) => Math.round(n * 10) / 10;
  const contestList = ents.map((r) => {
    const award = r.e.award as ContestAward | null;
    return {
      contestId: r.c.id,
      name: r.c.name,
      level: r.c.level as ContestLevel,
      trade: r.c.trade,
      heldOn: r.c.heldOn,
      score: r.e.score === null ? null : Number(r.e.score),
      rank: r.e.rank,
      award,
      awardTitle: r.e.awardTitle,
      points: contestPoints(r.c.level as ContestLevel, r.e.rank, award),
    };
  });
  const certificates: PersonLife['certificates'] = [
    ...activityList
      .filter((a) => a.certificate)
      .map((a) => ({
        name: a.certificate!,
        obtainedOn: a.heldOn,
        source: 'training' as const,
        sourceId: a.activityId,
      })),
    ...ms
      .filter((r) => r.m.apprenticePersonId === personId && r.m.status === 'completed' && r.m.certificate)
      .map((r) => ({
        name: r.m.certificate!,
        obtainedOn: r.m.outcomeOn!,
        source: 'mentorship' as const,
        sourceId: r.m.id,
      })),
  ].sort((a, b) => a.obtainedOn.localeCompare(b.obtainedOn));
  return {
    personId,
    trainingHours: round(trainingHours),
    trainingHoursByYear: [...byYear.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([year, hours]) => ({ year, hours: round(hours) })),
    activities: activityList,
    certificates,
    contests: contestList,
    contestPoints: contestList.reduce((s, c) => s + c.points, 0),
    mentorships: ms.map((r) => {
      const asMentor = r.m.mentorPersonId === personId;
      return {
        id: r.m.id,
        role: asMentor ? ('mentor' as const) : ('apprentice' as const),
        otherName: asMentor ? r.apprenticeName : r.mentorName,
        studioName: r.studioName,
        startsOn: r.m.startsOn,
        endsOn: r.m.endsOn,
        status: r.m.status as MentorshipStatus,
        outcomeGrade: r.m.outcomeGrade,
      };
    }),
    skillHistory: history.map((h) => ({
      id: h.id,
      personId: h.personId,
      fromGrade: h.fromGrade as SkillGrade | null,
      toGrade: h.toGrade as SkillGrade,
      changedOn: h.changedOn,
      source: h.source,
      sourceId: h.sourceId,
      note: h.note,
    })),
  };
}

/** The person's studio-life ledger as an .xlsx: activities, certificates, contests, mentoring, skill grades. */
export async function exportPersonLife({ ctx, personId }: { ctx: Ctx; personId: number }): Promise<Buffer> {
  const l = await getPersonLife({ ctx, personId });
  return buildWorkbook([
    {
      name: '活动与培训',
      headers: ['日期', '活动', '类型', '工作室', '身份', '学时', '证书'],
      rows: l.activities.map((a) => [
        a.heldOn,
        a.title,
        labelOf(activityKindLabels, a.kind),
        a.studioName,
        a.role === 'trainee' ? '学员' : '参加',
        a.hours,
        a.certificate,
      ]),
      widths: [12, 30, 10, 24, 8, 8, 24],
    },
    {
      name: '证书',
      headers: ['取得日期', '证书', '来源'],
      rows: l.certificates.map((c) => [
        c.obtainedOn,
        c.name,
        c.source === 'training' ? '培训' : '师带徒出师',
      ]),
      widths: [12, 30, 12],
    },
    {
      name: '比武成绩',
      headers: ['日期', '比武名称', '级别', '工种', '成绩', '名次', '奖项', '称号', '积分'],
      rows: l.contests.map((c) => [
        c.heldOn,
        c.name,
        labelOf(contestLevelLabels, c.level),
        c.trade,
        c.score,
        c.rank,
        labelOf(contestAwardLabels, c.award),
        c.awardTitle,
        c.points,
      ]),
      widths: [12, 30, 10, 12, 8, 8, 10, 12, 8],
    },
    {
      name: '师带徒',
      headers: ['身份', '对方', '工作室', '开始', '结束', '状态', '取得等级'],
      rows: l.mentorships.map((m) => [
        m.role === 'mentor' ? '师傅' : '徒弟',
        m.otherName,
        m.studioName,
        m.startsOn,
        m.endsOn,
        labelOf(mentorshipStatusLabels, m.status),
        labelOf(skillGradeLabels, m.outcomeGrade),
      ]),
      widths: [8, 10, 24, 12, 12, 8, 10],
    },
    {
      name: '技能等级变化',
      headers: ['日期', '原等级', '新等级', '来源', '说明'],
      rows: l.skillHistory.map((h) => [
        h.changedOn,
        labelOf(skillGradeLabels, h.fromGrade),
        labelOf(skillGradeLabels, h.toGrade),
        labelOf(skillGradeSourceLabels, h.source),
        h.note,
      ]),
      widths: [12, 10, 10, 12, 30],
    },
  ]);
}
