import { and, asc, eq, inArray, isNull, like } from 'drizzle-orm';
import type { NamingLevel } from '../../../common/enums.js';
import type { ApplicationState } from '../../../common/workflows/application.js';
import type { Db } from '../../core/db.js';
import { DEMO_PASSWORD, demoEmail } from '../../db/seed/demo.js';
import { seedPerson, seedUser } from '../../db/seed/factories.js';
import { users } from '../accounts/accounts.table.js';
import { defaultNamingBody, nextPlaqueNo } from '../namings/namings.service.js';
import { orgs } from '../orgs/orgs.table.js';
import { people } from '../people/people.table.js';
import { checkConditions } from '../rulebooks/conditions.js';
import { chinaToday, getCurrentRulebookRow } from '../rulebooks/rulebooks.service.js';
import { reviewAssignments, scorecards } from '../rulebooks/rulebooks.table.js';
import { aggregateScores, gradeFor } from '../rulebooks/scoring.js';
import { studioNamings, studios } from '../studios/studios.table.js';
import { applicationObjections, applicationSteps, applications } from './applications.table.js';

const ladder: NamingLevel[] = ['enterprise', 'group', 'city', 'province'];
const day = (offset: number, base = new Date()) =>
  chinaToday({ now: () => new Date(base.getTime() + offset * 86_400_000) });
const at = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString();

/** Extra expert logins for the demo, one per enterprise, so a panel of three can be formed around any studio. */
const demoExperts = [
  {
    username: 'expert2',
    orgCode: 'SLHI-03',
    employeeNo: 'A000011',
    name: '孙立军',
    title: '正高级工程师',
    trade: '电工',
  },
  {
    username: 'expert3',
    orgCode: 'SLHI-05',
    employeeNo: 'A000012',
    name: '黄文华',
    title: '高级工程师',
    trade: '起重工',
  },
  {
    username: 'expert4',
    orgCode: 'SLHI-01',
    employeeNo: 'A000013',
    name: '吴国庆',
    title: '高级技师',
    trade: '车工',
  },
];

/**
 * Demo data of the naming process, on top of the demo studios: three more experts (expert2/3/4, the last
 * from 重型机械公司 to show the conflict-of-interest refusal) and applications in every step — first review,
 * upper review, expert review with a pending expert, 公示 with an open objection, returned, rejected and
 * named with a plaque number — so each role finds something on its board. 张卫东's studio is left free
 * for the leader to apply.
 */
export async function seedNamingDemo(db: Db) {
  const root = (await db.select().from(orgs).where(eq(orgs.code, 'SLHI')))[0];
  if (!root) return;
  const orgByCode = new Map(
    (await db.select().from(orgs).where(like(orgs.code, 'SLHI-%'))).map((o) => [o.code, o]),
  );
  for (const e of demoExperts) {
    const org = orgByCode.get(e.orgCode)!;
    const p = await seedPerson(db, {
      orgId: org.id,
      employeeNo: e.employeeNo,
      name: e.name,
      email: demoEmail(e.username),
      professionalTitle: e.title,
      trade: e.trade,
      skillGrade: 'seniorTechnician',
      honours: [{ kind: 'chiefTechnician', level: 'group', year: 2019 }],
    });
    await seedUser(db, {
      username: e.username,
      password: DEMO_PASSWORD,
      personId: p.id,
      displayName: p.name,
      grants: [
        { role: 'expert', orgId: root.id },
        { role: 'employee', orgId: org.id },
      ],
    });
  }
  const account = async (username: string) =>
    (await db.select().from(users).where(eq(users.username, username)))[0]!;
  const admin = await account('admin');
  const entAdmin = await account('ent_admin');
  // Each demo expert works directly in an enterprise: a panel never includes one from the studio's own.
  const pool = await db
    .select({ user: users, orgPath: orgs.path })
    .from(users)
    .innerJoin(people, eq(people.id, users.personId))
    .innerJoin(orgs, eq(orgs.id, people.orgId))
    .where(inArray(users.username, ['expert', 'expert2', 'expert3', 'expert4']))
    .orderBy(asc(users.username));
  const panelFor = (studioPath: string) =>
    pool
      .filter((x) => !studioPath.startsWith(x.orgPath))
      .slice(0, 3)
      .map((x) => x.user);

  // Candidates: studios of 重型机械 (SLHI-01) and others whose conditions for their next level are met today.
  const rows = await db
    .select({ studio: studios, orgPath: orgs.path })
    .from(studios)
    .innerJoin(orgs, eq(orgs.id, studios.hostOrgId))
    .where(and(isNull(studios.archivedAt), like(orgs.code, 'SLHI-%')))
    .orderBy(asc(orgs.code), asc(studios.id));
  const today = day(0);
  const eligible: { studio: typeof studios.$inferSelect; orgPath: string; level: NamingLevel }[] = [];
  for (const r of rows) {
    if (r.studio.name === '张卫东劳模创新工作室') continue;
    const next = r.studio.currentLevel
      ? ladder[ladder.indexOf(r.studio.currentLevel as NamingLevel) + 1]
      : 'enterprise';
    if (!next || next === 'city' || next === 'province') continue;
    const rulebook = await getCurrentRulebookRow({ db, purpose: 'naming', level: next });
    const results = await checkConditions({ db, studio: r.studio, conditions: rulebook.conditions, today });
    if (results.some((x) => x.status === 'failed')) continue;
    eligible.push({ ...r, level: next });
  }
  const plan: ApplicationState[] = [
    'firstReview',
    'upperReview',
    'expertReview',
    'publicity',
    'returned',
    'rejected',
    'named',
    'draft',
  ];
  // Put the first-review one in SLHI-01 so the demo enterprise admin has it on the board.
  const ent1 = orgByCode.get('SLHI-01')!;
  eligible.sort(
    (a, b) => Number(!a.orgPath.startsWith(ent1.path)) - Number(!b.orgPath.startsWith(ent1.path)),
  );

  for (const [i, state] of plan.entries()) {
    const e = eligible[i];
    if (!e) break;
    const rulebook = await getCurrentRulebookRow({ db, purpose: 'naming', level: e.level });
    const check = await checkConditions({ db, studio: e.studio, conditions: rulebook.conditions, today });
    // Days before today at which the application was submitted; the named one went through a month ago.
    const start = state === 'named' ? -45 : -20 + i;
    const [app] = await db
      .insert(applications)
      .values({
        studioId: e.studio.id,
        level: e.level,
        state,
        rulebookId: rulebook.id,
        materials: {
          summary:
            e.studio.intro ?? `${e.studio.name}围绕${e.studio.field ?? '生产难题'}开展技术攻关和带徒传艺。`,
          achievements:
            '近三年完成技术攻关课题 9 项，形成创新成果 14 项，其中实用新型专利 5 项，年创效益约 380 万元。',
          plans: '建设技能实训基地，与兄弟企业工作室结成创新联盟，推广先进操作法。',
          conditionNotes: {
            results: '近三年成果清单见成果台账（2023—2025）',
            rules: '工作制度、年度计划和活动记录已整理成册',
          },
        },
        conditionCheck: state === 'draft' ? null : check,
        submittedAt: state === 'draft' ? null : at(start),
        createdAt: at(start - 2),
        updatedAt: at(start + 3),
      })
      .returning();
    const id = app!.id;
    const steps: (typeof applicationSteps.$inferInsert)[] = [];
    const step = (
      action: string,
      from: ApplicationState,
      to: ApplicationState,
      who: typeof admin,
      opinion: string | null,
      d: number,
    ) =>
      steps.push({
        applicationId: id,
        action,
        fromState: from,
        toState: to,
        opinion,
        actorUserId: who.id,
        actorName: who.displayName,
        at: at(d),
      });
    if (state !== 'draft') {
      steps.push({
        applicationId: id,
        action: 'submit',
        fromState: 'draft',
        toState: 'firstReview',
        opinion: null,
        actorUserId: null,
        actorName: e.studio.contactName,
        at: at(start),
      });
    }
    if (state === 'returned')
      step(
        'return',
        'firstReview',
        'returned',
        entAdmin,
        '请补充近三年成果的证明材料和经费使用情况。',
        start + 2,
      );
    if (state === 'rejected') {
      step('pass', 'firstReview', 'upperReview', entAdmin, '同意推荐', start + 1);
      step(
        'reject',
        'upperReview',
        'rejected',
        admin,
        '创新成果数量和效益尚未达到集团级标准，建议继续培育一年后再申报。',
        start + 3,
      );
    }
    const beyondFirst: ApplicationState[] = ['upperReview', 'expertReview', 'publicity', 'named'];
    if (beyondFirst.includes(state))
      step('pass', 'firstReview', 'upperReview', entAdmin, '材料齐全，同意推荐', start + 1);
    if (['expertReview', 'publicity', 'named'].includes(state))
      step('pass', 'upperReview', 'expertReview', admin, '同意进入专家评审', start + 2);

    let finalScore: number | null = null;
    let grade: string | null = null;
    if (['expertReview', 'publicity', 'named'].includes(state)) {
      const deadline = day(state === 'expertReview' ? 7 : start + 8);
      const totals: number[] = [];
      for (const [k, ex] of panelFor(e.orgPath).entries()) {
        const pending = state === 'expertReview' && k === 0;
        const [a] = await db
          .insert(reviewAssignments)
          .values({
            subjectType: 'application',
            subjectId: id,
            reviewerUserId: ex.id,
            reviewerName: ex.displayName,
            rulebookId: rulebook.id,
            orgPath: e.orgPath,
            deadline,
            status: pending ? 'pending' : 'submitted',
            assignedBy: admin.id,
            assignedAt: at(start + 2),
            submittedAt: pending ? null : at(start + 4),
          })
          .returning();
        if (pending) continue;
        const items = {
          basics: 30 + k,
          management: 13,
          breakthrough: 12 + k,
          exchange: 12,
          mentoring: 16 + k,
        };
        const total = Object.values(items).reduce((s, n) => s + n, 0) + 2;
        totals.push(total);
        await db.insert(scorecards).values({
          subjectType: 'application',
          subjectId: id,
          assignmentId: a!.id,
          rulebookId: rulebook.id,
          scorerUserId: ex.id,
          scorerName: ex.displayName,
          items,
          bonus: { patents: 2 },
          total,
          comment: ['攻关成果扎实，带徒成效明显。', '台账规范，建议加强成果推广。', '经济效益测算依据充分。'][
            k
          ],
          submittedAt: at(start + 4),
        });
      }
      if (state !== 'expertReview') {
        finalScore = aggregateScores(totals, false).score;
        grade = finalScore === null ? null : gradeFor(rulebook.sheet, finalScore);
        step(
          'finishExpertReview',
          'expertReview',
          'siteVisit',
          admin,
          `专家评审平均分 ${finalScore}，等级${grade}`,
          start + 5,
        );
        step(
          'finishSiteVisit',
          'siteVisit',
          'publicity',
          admin,
          '实地考察：场所、设备、台账与申报材料一致。',
          start + 7,
        );
      }
      await db
        .update(applications)
        .set({ expertDeadline: deadline, finalScore, grade })
        .where(eq(applications.id, id));
    }
    if (state === 'publicity') {
      await db
        .update(applications)
        .set({ publicityStart: day(-2), publicityEnd: day(5) })
        .where(eq(applications.id, id));
      const worker = await account('worker');
      await db.insert(applicationObjections).values({
        applicationId: id,
        content: '申报材料中“年创效益约 380 万元”的测算未见财务部门签字，请核实。',
        filedByUserId: worker.id,
        filedByName: worker.displayName,
        filedAt: at(-1),
      });
      steps.push({
        applicationId: id,
        action: 'fileObjection',
        fromState: 'publicity',
        toState: 'publicity',
        opinion: '申报材料中“年创效益约 380 万元”的测算未见财务部门签字，请核实。',
        actorUserId: worker.id,
        actorName: worker.displayName,
        at: at(-1),
      });
    }
    if (state === 'named') {
      const namedOn = day(start + 16);
      await db
        .update(applications)
        .set({ publicityStart: day(start + 8), publicityEnd: day(start + 14) })
        .where(eq(applications.id, id));
      const plaqueNo = await nextPlaqueNo({ db, level: e.level, year: Number(namedOn.slice(0, 4)) });
      const body =
        (await defaultNamingBody({ db, level: e.level, orgPath: e.orgPath })) ?? '示例重工集团工会';
      const [naming] = await db
        .insert(studioNamings)
        .values({
          studioId: e.studio.id,
          level: e.level,
          namingBody: body,
          namedOn,
          plaqueNo,
          applicationId: id,
        })
        .returning();
      await db
        .update(applications)
        .set({ namingId: naming!.id, plaqueNo, decidedAt: at(start + 16) })
        .where(eq(applications.id, id));
      await db
        .update(studios)
        .set({ status: 'named', currentLevel: e.level })
        .where(eq(studios.id, e.studio.id));
      step('name', 'publicity', 'named', admin, '公示期满无异议，同意命名', start + 16);
    }
    if (state === 'rejected')
      await db
        .update(applications)
        .set({ decidedAt: at(start + 3) })
        .where(eq(applications.id, id));
    if (steps.length)
      await db
        .insert(applicationSteps)
        .values(steps.sort((a, b) => String(a.at).localeCompare(String(b.at))));
  }
  return {
    experts: demoExperts.map((e) => e.username),
    applications: Math.min(plan.length, eligible.length),
  };
}
