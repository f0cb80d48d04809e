import crypto from 'node:crypto';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { type SkillGrade, skillGrades } from '../../../common/enums.js';
import type { ActivityKind } from '../../../common/schemas/activities.js';
import type { Db } from '../../core/db.js';
import { rng } from '../../db/seed/factories.js';
import { allianceLeads, allianceMembers, allianceProjects, alliances } from '../alliances/alliances.table.js';
import { contestEntries, contests } from '../contests/contests.table.js';
import { fundAllocations, fundExpenseEvents, fundExpenses } from '../funds/funds.table.js';
import { mentorshipNotes, mentorships, skillGradeHistory } from '../mentorships/mentorships.table.js';
import { orgs } from '../orgs/orgs.table.js';
import { people } from '../people/people.table.js';
import { studioMembers, studios } from '../studios/studios.table.js';
import { activities, activityParticipants } from './activities.table.js';

const pad = (n: number) => String(n).padStart(2, '0');
const titles: Record<ActivityKind, string[]> = {
  training: [
    '数控编程技能培训',
    '焊接工艺实操培训',
    '安全操作规程培训',
    '设备点检与维护培训',
    'PLC 编程入门培训',
    '质量管理工具培训',
  ],
  exchange: ['先进操作法交流会', '技术革新成果交流', '兄弟单位来访技术交流'],
  contest: ['班组技能比武', '岗位练兵比武'],
  seminar: ['工艺难题研讨会', '年度攻关课题研讨'],
  service: ['技术服务进车间', '设备义诊'],
  schoolEnterprise: ['职业院校实训基地共建', '校企联合课题对接'],
  breakthrough: ['关键工序攻关', '设备故障集中攻关'],
};
const kinds: ActivityKind[] = [
  'training',
  'training',
  'training',
  'exchange',
  'seminar',
  'service',
  'schoolEnterprise',
  'breakthrough',
  'contest',
];
const trades = ['车工', '钳工', '焊工', '电工', '铣工', '装配工'];

/**
 * Studio-life demo data for the demo studios: activities with attendance (trainings with trainees and
 * certificates) in 2025–2026, skill contests with ranks, mentoring agreements (some ended with a promotion
 * recorded in the skill-grade history), fund allocations and expenses in each approval state, and two
 * innovation alliances. A few studios are left idle so health has something to flag. Deterministic; does
 * nothing when there are no studios.
 */
export async function seedStudioLifeDemo(db: Db) {
  const r = rng(20261126);
  const list = await db
    .select({
      id: studios.id,
      name: studios.name,
      leaderId: studios.leaderPersonId,
      orgPath: orgs.path,
      orgId: orgs.id,
    })
    .from(studios)
    .innerJoin(orgs, eq(orgs.id, studios.hostOrgId))
    .where(isNull(studios.archivedAt))
    .orderBy(asc(studios.id));
  if (list.length === 0) return;
  const [admin] = await db.select({ id: sql<number>`id` }).from(sql`users`).where(sql`username = 'admin'`);
  const adminId = admin?.id ?? null;
  await db.transaction(async (tx) => {
    for (const [i, s] of list.entries()) {
      const roster = await tx
        .select({ personId: studioMembers.personId, role: studioMembers.role, grade: people.skillGrade })
        .from(studioMembers)
        .innerJoin(people, eq(people.id, studioMembers.personId))
        .where(and(eq(studioMembers.studioId, s.id), isNull(studioMembers.leftOn)))
        .orderBy(asc(studioMembers.id));
      const leader = s.leaderId ?? roster[0]?.personId ?? null;
      const others = roster.filter((m) => m.personId !== leader);
      const demo = i === 0;
      // Every seventh studio stays idle: its last activity is long ago, so health flags it.
      const idle = i % 7 === 5;
      const count = demo ? 10 : idle ? 1 : r.int(3, 8);
      for (let k = 0; k < count; k++) {
        const kind = demo && k < 4 ? 'training' : r.pick(kinds);
        const heldOn = idle
          ? `2024-${pad(r.int(3, 10))}-${pad(r.int(1, 28))}`
          : `${r.next() < 0.45 ? 2025 : 2026}-${pad(r.int(1, 10))}-${pad(r.int(1, 28))}`;
        const hours = kind === 'training' ? r.int(2, 8) : r.int(1, 4);
        const [a] = await tx
          .insert(activities)
          .values({
            studioId: s.id,
            kind,
            title: r.pick(titles[kind]),
            heldOn,
            place: r.pick(['工作室会议室', '车间现场', '培训中心', '实训基地']),
            hours,
            outsideCount: r.next() < 0.3 ? r.int(2, 20) : 0,
            summary: `${s.name}组织${titles[kind][0]!.slice(0, 4)}等内容，参加人员积极交流。`,
            trainerPersonId: kind === 'training' ? leader : null,
            checkinToken: crypto
              .createHash('sha256')
              .update(`demo-${s.id}-${k}`)
              .digest('base64url')
              .slice(0, 32),
            createdAt: `${heldOn}T18:00:00+08:00`,
            updatedAt: `${heldOn}T18:00:00+08:00`,
          })
          .returning();
        const attendees = others.filter(() => r.next() < 0.8);
        if (attendees.length) {
          await tx.insert(activityParticipants).values(
            attendees.map((m) => ({
              activityId: a!.id,
              personId: m.personId,
              role: kind === 'training' ? 'trainee' : 'participant',
              attendedAt: `${heldOn}T09:${pad(r.int(0, 20))}:00+08:00`,
              checkinMethod: r.next() < 0.7 ? 'qr' : 'manual',
              certificate: kind === 'training' && r.next() < 0.2 ? `${a!.title}结业证书` : null,
            })),
          );
        }
      }

      if (!idle && others.length >= 2 && (demo || r.next() < 0.6)) {
        const entrants = others.slice(0, Math.min(others.length, r.int(2, 5)));
        const scores = entrants.map(() => r.int(70, 99));
        const level = demo ? 'group' : r.pick(['studio', 'enterprise', 'enterprise', 'group'] as const);
        const heldOn = `2026-${pad(r.int(3, 10))}-${pad(r.int(1, 28))}`;
        const [c] = await tx
          .insert(contests)
          .values({
            studioId: s.id,
            name: `${heldOn.slice(0, 4)} 年${r.pick(trades)}技能比武`,
            level,
            trade: r.pick(trades),
            heldOn,
            organizer: '企业工会',
          })
          .returning();
        await tx.insert(contestEntries).values(
          entrants.map((m, j) => {
            const rank = 1 + scores.filter((x) => x > scores[j]!).length;
            return {
              contestId: c!.id,
              personId: m.personId,
              score: scores[j]!,
              rank,
              award: rank === 1 ? 'first' : rank === 2 ? 'second' : rank === 3 ? 'third' : null,
              awardTitle: rank === 1 && level === 'group' ? '技术能手' : null,
            };
          }),
        );
      }

      const apprentices = others
        .filter((m) => m.role === 'trainee' || m.role === 'member')
        .slice(0, demo ? 2 : r.int(0, 2));
      for (const [j, ap] of apprentices.entries()) {
        const mentor = leader;
        if (!mentor) break;
        const finished = demo ? j === 0 : r.next() < 0.4;
        const current = ap.grade as SkillGrade | null;
        const nextIdx = Math.min(skillGrades.length - 1, (current ? skillGrades.indexOf(current) : -1) + 1);
        const target = skillGrades[nextIdx]!;
        const promote = finished && target !== current;
        const [m] = await tx
          .insert(mentorships)
          .values({
            studioId: s.id,
            mentorPersonId: mentor,
            apprenticePersonId: ap.personId,
            startsOn: finished ? '2025-03-01' : '2026-02-01',
            endsOn: finished ? '2026-02-28' : '2027-01-31',
            goals: `系统掌握${r.pick(trades)}核心技能，晋升${target === 'technician' ? '技师' : '上一技能等级'}`,
            targetGrade: target,
            status: finished ? 'completed' : 'active',
            outcomeOn: finished ? '2026-02-20' : null,
            outcomeGrade: promote ? target : null,
            certificate: promote ? '职业技能等级证书' : null,
          })
          .returning();
        await tx.insert(mentorshipNotes).values([
          {
            mentorshipId: m!.id,
            notedOn: finished ? '2025-07-15' : '2026-06-15',
            content: '已掌握基本操作，开始独立承担简单工件加工。',
            authorName: '师傅',
          },
          {
            mentorshipId: m!.id,
            notedOn: finished ? '2025-12-10' : '2026-10-10',
            content: '参与工作室攻关课题，负责数据记录与分析。',
            authorName: '师傅',
          },
        ]);
        if (promote) {
          await tx.update(people).set({ skillGrade: target }).where(eq(people.id, ap.personId));
          await tx.insert(skillGradeHistory).values({
            personId: ap.personId,
            fromGrade: current,
            toGrade: target,
            changedOn: '2026-02-20',
            source: 'mentorship',
            sourceId: m!.id,
            note: '职业技能等级证书',
          });
        }
      }

      if (idle) continue;
      for (const year of [2025, 2026]) {
        const grant = r.int(3, 10) * 1_000_000;
        await tx.insert(fundAllocations).values([
          {
            studioId: s.id,
            year,
            source: 'unionGrant',
            amountFen: grant,
            receivedOn: `${year}-03-15`,
            note: '年度工会补助',
          },
          {
            studioId: s.id,
            year,
            source: 'enterpriseMatch',
            amountFen: grant / 2,
            receivedOn: `${year}-04-10`,
            note: '企业配套资金',
          },
          ...(r.next() < 0.3
            ? [
                {
                  studioId: s.id,
                  year,
                  source: 'upperAward',
                  amountFen: 2_000_000,
                  receivedOn: `${year}-06-01`,
                  note: '命名奖励',
                },
              ]
            : []),
        ]);
        let left = grant + grant / 2;
        const states =
          year === 2025
            ? ['approved', 'approved', 'approved']
            : ['approved', 'approved', 'submitted', 'draft', 'rejected'];
        for (const [k, status] of states.entries()) {
          const amountFen = Math.min(left, r.int(2, 12) * 100_000);
          if (amountFen <= 0) break;
          if (status === 'approved' || status === 'submitted') left -= amountFen;
          const spentOn = `${year}-${pad(4 + k)}-${pad(r.int(1, 28))}`;
          const [e] = await tx
            .insert(fundExpenses)
            .values({
              studioId: s.id,
              year,
              category: r.pick(['equipment', 'project', 'training', 'promotion'] as const),
              amountFen,
              spentOn,
              payee: r.pick(['某机床附件公司', '某职业培训中心', '某广告制作公司', '某材料供应商']),
              description: r.pick([
                '购置量具刃具',
                '攻关课题材料费',
                '外派技能培训',
                '成果展板制作',
                '实训耗材',
              ]),
              status,
              submittedAt: status === 'draft' ? null : `${spentOn}T10:00:00+08:00`,
              decidedAt: status === 'approved' || status === 'rejected' ? `${spentOn}T16:00:00+08:00` : null,
              decidedBy: status === 'approved' || status === 'rejected' ? adminId : null,
              decisionNote:
                status === 'rejected' ? '请补充发票与验收单' : status === 'approved' ? '同意' : null,
            })
            .returning();
          if (status !== 'draft') {
            await tx.insert(fundExpenseEvents).values({
              expenseId: e!.id,
              action: 'submit',
              fromStatus: 'draft',
              toStatus: 'submitted',
              actorName: '领衔人',
              at: `${spentOn}T10:00:00+08:00`,
            });
          }
          if (status === 'approved' || status === 'rejected') {
            await tx.insert(fundExpenseEvents).values({
              expenseId: e!.id,
              action: status === 'approved' ? 'approve' : 'reject',
              fromStatus: 'submitted',
              toStatus: status,
              actorName: '企业工会',
              note: status === 'rejected' ? '请补充发票与验收单' : '同意',
              at: `${spentOn}T16:00:00+08:00`,
            });
          }
        }
      }
    }

    // Two alliances: one among the first enterprise's studios, one across enterprises under the group.
    const [group] = await tx
      .select({ id: orgs.id, path: orgs.path })
      .from(orgs)
      .where(isNull(orgs.parentId))
      .orderBy(asc(orgs.id))
      .limit(1);
    const first = list[0]!;
    const entPath = `${first.orgPath.split('/').slice(0, 3).join('/')}/`;
    const sameEnt = list.filter((s) => s.orgPath.startsWith(entPath)).slice(0, 3);
    const acrossEnts = [...new Map(list.map((s) => [s.orgPath.split('/')[2], s])).values()].slice(0, 4);
    const plans = [
      { name: '数控加工技术创新联盟', orgPath: entPath, members: sameEnt, partner: '示例职业技术学院' },
      {
        name: '集团焊接与装备创新联盟',
        orgPath: group?.path ?? '/',
        members: acrossEnts,
        partner: '示例焊接研究所',
      },
    ];
    for (const p of plans) {
      if (p.members.length < 2) continue;
      const [o] = await tx.select({ id: orgs.id }).from(orgs).where(eq(orgs.path, p.orgPath));
      if (!o) continue;
      const [al] = await tx
        .insert(alliances)
        .values({
          name: p.name,
          orgId: o.id,
          foundedOn: '2025-01-10',
          intro: `${p.name}由成员工作室轮值牵头，开展联合攻关、技术交流与人才共育。`,
          leadTermMonths: 12,
        })
        .returning();
      await tx.insert(allianceMembers).values([
        ...p.members.map((m) => ({ allianceId: al!.id, studioId: m.id, joinedOn: '2025-01-10' })),
        {
          allianceId: al!.id,
          partnerName: p.partner,
          partnerKind: p.partner.includes('学院') ? 'university' : 'institute',
          joinedOn: '2025-01-10',
        },
      ]);
      await tx.insert(allianceLeads).values([
        { allianceId: al!.id, studioId: p.members[0]!.id, startsOn: '2025-01-10', endsOn: '2026-01-10' },
        { allianceId: al!.id, studioId: p.members[1]!.id, startsOn: '2026-01-10' },
      ]);
      await tx.insert(allianceProjects).values({
        allianceId: al!.id,
        title: p.name.startsWith('数控') ? '大型轴类零件加工变形控制' : '厚板焊接变形联合攻关',
        leadStudioId: p.members[0]!.id,
        studioIds: p.members.slice(1).map((m) => m.id),
        status: 'ongoing',
        startedOn: '2025-05-01',
        summary: '联盟成员分工协作，共享设备与试验数据。',
      });
      await tx
        .update(activities)
        .set({ allianceId: al!.id })
        .where(
          sql`${activities.id} = (SELECT id FROM activities WHERE studio_id = ${p.members[0]!.id} AND kind = 'exchange' ORDER BY id LIMIT 1)`,
        );
    }
  });
}
