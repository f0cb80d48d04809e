import { asc, eq, isNull, sql } from 'drizzle-orm';
import type { ResultKind } from '../../../common/schemas/results.js';
import type { Db } from '../../core/db.js';
import { rng } from '../../db/seed/factories.js';
import { users } from '../accounts/accounts.table.js';
import { adoptions } from '../adoptions/adoptions.table.js';
import { splitByShares } from '../benefits/benefit.calc.js';
import { benefitAttributions, benefits } from '../benefits/benefits.table.js';
import { orgs } from '../orgs/orgs.table.js';
import { people } from '../people/people.table.js';
import { projectMilestones, projectReports, projects } from '../projects/projects.table.js';
import { builtinResultSheet } from '../results/results.sheet.js';
import { resultContributors, resultReviewers, results } from '../results/results.table.js';
import { searchDocumentOf } from '../similarity/similarity.text.js';
import { studioMembers, studios } from '../studios/studios.table.js';
import { nextArchiveNo } from './innovation.events.js';
import { enterprisePrefixOf } from './innovation.scope.js';
import { demoAwards, demoPatentTitles, demoProjects, demoResults } from './innovation.seed-data.js';
import { innovationEvents } from './innovation.table.js';

const tsv = (...parts: (string | null | undefined)[]) =>
  sql`to_tsvector('simple', ${searchDocumentOf(parts)})` as never;
/** A repeated theme gets a variant name rather than a copy: the same problem solved again elsewhere. */
const variants = ['', '（改进型）', '（二期）', '（推广型）', '（第三代）', '（扩展应用）', '（优化）'];
const variant = (i: number, size: number) => variants[Math.floor(i / size) % variants.length]!;
const day = (y: number, m: number, d: number) =>
  `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/**
 * Innovation demo data for the demo studios: projects in every workflow state with milestones and progress
 * reports, results of many kinds (patents of each type, recognised ones with grades and awards), benefit
 * calculations (most finance-verified, one awaiting finance in the first enterprise), adoptions by other
 * enterprises with their verified benefit, and one result in expert scoring. Deterministic; does nothing
 * when there are no studios or when results exist already.
 */
export async function seedInnovationDemo(db: Db) {
  const list = await db
    .select({
      id: studios.id,
      name: studios.name,
      field: studios.field,
      leader: studios.leaderPersonId,
      orgId: studios.hostOrgId,
      orgPath: orgs.path,
    })
    .from(studios)
    .innerJoin(orgs, eq(orgs.id, studios.hostOrgId))
    .where(isNull(studios.archivedAt))
    .orderBy(asc(studios.code));
  if (!list.length) return;
  // The demo leader's studio (张卫东, A000004) gets the richest data: it is the one a visitor opens first.
  const [demoLeader] = await db
    .select({ id: people.id })
    .from(people)
    .where(eq(people.employeeNo, 'A000004'));
  const mine = list.findIndex((s) => s.leader === demoLeader?.id);
  if (mine > 0) list.unshift(...list.splice(mine, 1));
  // Other demo seeds may already have turned a challenge into a project; results mark this seed as done.
  const [{ n } = { n: 0 }] = await db.select({ n: sql<number>`count(*)::int` }).from(results);
  if (n > 0) return;
  const r = rng(20261127);
  const members = await db
    .select({ studioId: studioMembers.studioId, personId: studioMembers.personId })
    .from(studioMembers)
    .where(isNull(studioMembers.leftOn));
  const names = new Map(
    (
      await db
        .select({ id: people.id, name: people.name })
        .from(people)
        .innerJoin(studioMembers, eq(studioMembers.personId, people.id))
    ).map((p) => [p.id, p.name] as const),
  );
  const roster = (sid: number, leader: number | null) => {
    const ids = members.filter((m) => m.studioId === sid).map((m) => m.personId);
    return [...new Set([...(leader ? [leader] : []), ...ids])];
  };
  const enterprises = await db
    .select({ id: orgs.id, path: orgs.path, name: orgs.name })
    .from(orgs)
    .where(eq(orgs.kind, 'enterprise'))
    .orderBy(asc(orgs.code));
  const event = (
    entityType: string,
    entityId: number,
    action: string,
    from: string | null,
    to: string | null,
    at: string,
    actorName: string,
    opinion?: string,
  ) =>
    db.insert(innovationEvents).values({
      entityType,
      entityId,
      action,
      fromStatus: from,
      toStatus: to,
      actorName,
      opinion: opinion ?? null,
      at: `${at}T10:00:00+08:00`,
    });

  let patentSeq = 0;
  let recognisedImprovements: { id: number; orgPath: string; year: number }[] = [];
  let pendingLeft = 1;

  /** One result with contributors; recognised ones get grade, award, scores average and sheet. */
  async function addResult(o: {
    studio: (typeof list)[number];
    kind: ResultKind;
    title: string;
    problem: string;
    year: number;
    status: string;
    projectId?: number | null;
    patentType?: 'invention' | 'utilityModel' | 'design';
  }) {
    const team = roster(o.studio.id, o.studio.leader).slice(0, 3);
    if (!team.length) return null;
    const shares = team.length === 1 ? [100] : team.length === 2 ? [60, 40] : [50, 30, 20];
    const archiveNo = await nextArchiveNo({ db, prefix: 'CG', year: o.year });
    const recognised = o.status === 'recognised';
    const filed = day(o.year, r.int(1, 6), r.int(1, 28));
    const granted = o.patentType && o.year < 2026 && r.next() < 0.7;
    const gradeIdx = r.int(1, 4);
    const [row] = await db
      .insert(results)
      .values({
        archiveNo,
        kind: o.kind,
        studioId: o.studio.id,
        projectId: o.projectId ?? null,
        title: o.title,
        field: o.studio.field,
        problem: o.problem,
        principle: '在现场反复试验验证，形成标准化做法并纳入作业指导书。',
        innovationPoints: '结构简单、成本低、便于推广；解决了长期依赖经验的问题。',
        implementedOn: day(o.year, r.int(3, o.year >= 2026 ? 6 : 10), r.int(1, 28)),
        status: o.status,
        year: o.year,
        confidential: r.next() < 0.06,
        grade: recognised ? (['special', 'first', 'second', 'third', 'merit'] as const)[gradeIdx] : null,
        award:
          recognised && r.next() < 0.7 ? demoAwards[Math.min(gradeIdx - 1, demoAwards.length - 1)]! : null,
        recognisedOn: recognised
          ? day(o.year, o.year >= 2026 ? r.int(6, 9) : r.int(10, 12), r.int(1, 28))
          : null,
        scoreAvg: recognised ? 92 - gradeIdx * 7 + r.int(0, 4) : null,
        scoreSheet: recognised || o.status === 'scoring' ? builtinResultSheet : null,
        patentType: o.patentType ?? null,
        patentApplicationNo: o.patentType
          ? `${o.year}${String(2_000_000 + patentSeq++ * 7919).padStart(8, '0')}.${patentSeq % 10}`
          : null,
        patentFiledOn: o.patentType ? filed : null,
        patentGrantedOn: granted ? day(o.year + 1, r.int(1, 10), r.int(1, 28)) : null,
        patentStatus: o.patentType ? (granted ? 'granted' : 'filing') : null,
        searchText: tsv(o.title, o.problem, o.studio.field),
      })
      .returning({ id: results.id });
    const id = row!.id;
    await db.insert(resultContributors).values(
      team.map((personId, i) => ({
        resultId: id,
        personId,
        share: shares[i]!,
        role: i === 0 ? 'main' : 'participant',
        seq: i + 1,
      })),
    );
    await event('result', id, 'create', null, 'draft', day(o.year, 2, 1), '工作室');
    if (o.status !== 'draft')
      await event('result', id, 'submit', 'draft', 'submitted', day(o.year, 9, 1), '工作室');
    if (recognised)
      await event(
        'result',
        id,
        'recognise',
        'scoring',
        'recognised',
        day(o.year, 11, 20),
        '周建国',
        '经专家评审，予以认定',
      );
    return id;
  }

  /** A verified (or pending) benefit calculation for a result, attributed to one unit. */
  async function addBenefit(
    resultId: number,
    orgId: number,
    year: number,
    o: { adoptionId?: number; status?: string; verifier?: string },
  ) {
    // Monthly value of the output concerned (saved cost counted as value), before and after the change.
    const before = r.int(8, 40) * 100_000;
    const after = before + r.int(2, 8) * 100_000;
    const count = 12;
    const cost = r.int(1, 30) * 100_000;
    const amount = (after - before) * count - cost;
    if (amount <= 0) return;
    const status = o.status ?? 'verified';
    const [b] = await db
      .insert(benefits)
      .values({
        resultId,
        adoptionId: o.adoptionId ?? null,
        orgId,
        periodFrom: day(year, 1, 1),
        periodTo: day(year, 12, 31),
        beforeValueFen: before,
        afterValueFen: after,
        periodCount: count,
        periodUnit: 'month',
        implementationCostFen: cost,
        amountFen: amount,
        basis: `实施前每月产出效益 ${before / 100} 元，实施后 ${after / 100} 元（含节约的返修和材料费用），按 12 个月计，扣除实施成本 ${cost / 100} 元。`,
        status,
        submittedAt: `${day(year + 1, 1, 10)}T09:00:00+08:00`,
        verifiedOn: status === 'verified' ? day(year + 1, 1, r.int(15, 28)) : null,
        verifierName: status === 'verified' ? (o.verifier ?? '财务部 王会计') : null,
        verifyOpinion: status === 'verified' ? '凭证齐全，测算无误' : null,
        createdByName: '工作室',
      })
      .returning({ id: benefits.id });
    const [part] = splitByShares(amount, [{ key: orgId, share: 100 }]);
    await db
      .insert(benefitAttributions)
      .values({ benefitId: b!.id, orgId, share: 100, amountFen: part!.amountFen });
    await event('benefit', b!.id, 'create', null, 'draft', day(year + 1, 1, 5), '工作室');
    await event('benefit', b!.id, 'submit', 'draft', 'submitted', day(year + 1, 1, 10), '工作室');
    if (status === 'verified')
      await event(
        'benefit',
        b!.id,
        'verify',
        'submitted',
        'verified',
        day(year + 1, 1, 20),
        o.verifier ?? '财务部 王会计',
        '凭证齐全，测算无误',
      );
  }

  const projectStates = [
    'concluded',
    'concluded',
    'inProgress',
    'approved',
    'acceptance',
    'proposed',
    'concluded',
    'terminated',
  ];
  let pi = 0;
  for (const [si, studio] of list.entries()) {
    const team = roster(studio.id, studio.leader);
    if (!team.length) continue;
    const entPath = enterprisePrefixOf(studio.orgPath);
    const entId = Number(entPath.split('/').filter(Boolean).at(-1));
    const nProjects = si === 0 ? 3 : r.int(1, 2);
    for (let k = 0; k < nProjects; k++, pi++) {
      const [title, goal, field] = demoProjects[pi % demoProjects.length]!;
      const status = si === 0 && k === 2 ? 'inProgress' : projectStates[pi % projectStates.length]!;
      const year = status === 'concluded' ? r.int(2023, 2025) : status === 'terminated' ? 2024 : 2026;
      const code = await nextArchiveNo({ db, prefix: 'KT', year });
      const suffix = variant(pi, demoProjects.length);
      const start = day(year, r.int(1, 4), 1);
      const [p] = await db
        .insert(projects)
        .values({
          code,
          studioId: studio.id,
          title: `${title}${suffix}`,
          source: (['self', 'enterprise', 'challenge'] as const)[pi % 3]!,
          leaderPersonId: team[0]!,
          members: team.slice(1, 3).map((personId, i) => ({
            personId,
            name: names.get(personId) ?? '',
            division: i ? '现场试验' : '方案设计',
          })),
          goal,
          content: '现场调研 → 方案设计与论证 → 工装或程序试制 → 试用改进 → 总结推广。',
          field,
          plannedStart: start,
          plannedEnd: day(year, 12, 20),
          budgetFen: r.int(2, 30) * 1_000_000,
          status,
          year,
          approvedOn: status === 'proposed' ? null : day(year, 3, 15),
          startedOn: ['inProgress', 'acceptance', 'concluded'].includes(status) ? day(year, 4, 1) : null,
          conclusion: ['acceptance', 'concluded'].includes(status)
            ? '达到攻关目标，形成专利和技术革新成果，已在本单位应用。'
            : null,
          concludedOn: status === 'concluded' ? day(year, 12, 15) : null,
          terminatedReason: status === 'terminated' ? '产品停产，课题终止' : null,
          searchText: tsv(`${title}${suffix}`, goal, field),
        })
        .returning({ id: projects.id });
      const pid = p!.id;
      const ms = ['方案设计与评审', '试制与现场试验', '总结与推广'];
      for (const [mi, m] of ms.entries()) {
        const done =
          status === 'concluded' || status === 'acceptance' || (status === 'inProgress' && mi === 0);
        const [mrow] = await db
          .insert(projectMilestones)
          .values({
            projectId: pid,
            seq: mi + 1,
            title: m,
            dueOn: day(year, 4 + mi * 3, 28),
            completedOn: done ? day(year, 4 + mi * 3, 20) : null,
          })
          .returning({ id: projectMilestones.id });
        if (done)
          await db.insert(projectReports).values({
            projectId: pid,
            milestoneId: mrow!.id,
            reportedOn: day(year, 4 + mi * 3, 20),
            progress: Math.round(((mi + 1) / 3) * 100),
            content: `${m}完成。`,
            reporterName: '课题负责人',
          });
      }
      await event('project', pid, 'propose', null, 'proposed', day(year, 2, 20), '工作室');
      if (status !== 'proposed')
        await event(
          'project',
          pid,
          'approve',
          'proposed',
          'approved',
          day(year, 3, 15),
          '企业工会',
          '同意立项',
        );
      if (status === 'concluded') {
        await event(
          'project',
          pid,
          'conclude',
          'acceptance',
          'concluded',
          day(year, 12, 15),
          '企业工会',
          '验收通过',
        );
        const patentType = (['utilityModel', 'invention', 'design', 'utilityModel'] as const)[pi % 4];
        await addResult({
          studio,
          kind: 'patent',
          title:
            demoPatentTitles[pi % demoPatentTitles.length]! +
            (pi >= demoPatentTitles.length ? `（${pi}）` : ''),
          problem: goal,
          year,
          status: 'recognised',
          projectId: pid,
          patentType,
        });
        const imp = await addResult({
          studio,
          kind: 'technicalImprovement',
          title: `${title}${suffix}成果`,
          problem: goal,
          year,
          status: 'recognised',
          projectId: pid,
        });
        if (imp) {
          await addBenefit(imp, entId, year, {});
          recognisedImprovements.push({ id: imp, orgPath: studio.orgPath, year });
        }
      }
    }
    // Stand-alone results, spread over the years and states.
    // The demo leader's studio has at least two recognised results in each of the last three years, so
    // it meets the group-level entry condition and the leader can try the naming wizard end to end.
    // Every studio keeps up two recognised results a year in 2023–2025 (the naming condition), plus a few
    // more spread over the years and states; the demo naming applications are drawn from these studios.
    const steady = [2023, 2023, 2024, 2024, 2025, 2025];
    const nResults = steady.length + (si === 0 ? 1 : r.int(0, 2));
    for (let k = 0; k < nResults; k++) {
      const [kind, title, problem] = demoResults[(si * 3 + k) % demoResults.length]!;
      const year = steady[k] ?? (si === 0 ? 2026 : r.int(2023, 2026));
      const status = year < 2026 ? 'recognised' : (['draft', 'submitted', 'recognised'] as const)[k % 3]!;
      const id = await addResult({
        studio,
        kind,
        title: `${title}${variant(si * 3 + k, demoResults.length)}`,
        problem,
        year,
        status,
      });
      if (
        id &&
        status === 'recognised' &&
        (kind === 'technicalImprovement' || kind === 'fiveSmall' || kind === 'qc')
      )
        await addBenefit(id, entId, year, {});
      if (id && si === 0 && status === 'recognised' && pendingLeft-- > 0)
        await addBenefit(id, entId, 2026, { status: 'submitted' });
    }
  }

  // One result waiting for the demo expert's score (the expert is from another enterprise).
  const [expert] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'expert'));
  const first = list[0]!;
  if (expert && roster(first.id, first.leader).length) {
    const id = await addResult({
      studio: first,
      kind: 'technicalImprovement',
      title: '大型铸件冒口可调式切割导轨',
      problem: '大型铸钢件冒口人工气割效率低、切口不齐，后续打磨量大。',
      year: 2026,
      status: 'scoring',
    });
    if (id) {
      await db.insert(resultReviewers).values({ resultId: id, userId: expert.id });
      await event(
        'result',
        id,
        'pass',
        'firstReview',
        'scoring',
        day(2026, 10, 20),
        '李秀兰',
        '初审通过，送专家评审',
      );
    }
  }

  // Adoptions: other enterprises take up recognised improvements and report verified benefit.
  recognisedImprovements = recognisedImprovements.slice(0, 8);
  for (const [i, imp] of recognisedImprovements.entries()) {
    const own = enterprisePrefixOf(imp.orgPath);
    const others = enterprises.filter((e) => e.path !== own);
    const adopter = others[(i * 5) % others.length]!;
    const adoptedOn = day(Math.min(imp.year + 1, 2026), r.int(2, 8), r.int(1, 28));
    const [a] = await db
      .insert(adoptions)
      .values({
        resultId: imp.id,
        orgId: adopter.id,
        adoptedOn,
        site: `${adopter.name.replace('示例重工', '')}生产现场`,
        scope: `${r.int(1, 4)} 条生产线推广应用`,
        createdByName: '企业工会',
      })
      .returning({ id: adoptions.id });
    if (i % 2 === 0)
      await addBenefit(imp.id, adopter.id, Math.min(imp.year + 1, 2025), {
        adoptionId: a!.id,
        verifier: '集团财务部 赵会计',
      });
  }
}
