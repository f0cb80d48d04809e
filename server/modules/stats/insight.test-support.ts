import { sql } from 'drizzle-orm';
import type { Honour } from '../../../common/schemas/people.js';
import type { World } from '../../../test/helpers.js';
import type { Db } from '../../core/db.js';
import { seedPerson } from '../../db/seed/factories.js';
import { rowsOf } from './stats.sql.js';

/** Helpers shared by the insight integration tests (not a test file itself). */

async function one<T = { id: number }>(db: Db, q: ReturnType<typeof sql>): Promise<T> {
  const [row] = await rowsOf<T>(db, q);
  return row!;
}

/**
 * Writes a small but complete year of work straight into the source tables (as the other modules would):
 * studios of every status in enterprises A and B, members with trades, namings, results and patents,
 * projects, verified and unverified benefit, activities with trainees, mentorships, funds and ideas.
 * Everything for `year`; a few rows in the year before and in archived form, which must not count.
 */
export async function seedInsight(db: Db, w: World, year = 2025) {
  const t = w.tag;
  const { entA, entB, workshopA, workshopB, branchA } = w.orgs;
  const person = async (
    orgId: number,
    name: string,
    trade: string | null,
    skillGrade: string | null = null,
    honours: Honour[] = [],
  ) => seedPerson(db, { orgId, employeeNo: `${t}-P${name}`, name, trade, skillGrade, honours });
  const p1 = await person(workshopA.id, '张钳工', '钳工', 'senior', [
    { kind: 'modelWorker', level: 'province', year: 2019 },
  ]);
  const p2 = await person(workshopA.id, '李车工', '车工', 'technician');
  const p3 = await person(workshopB.id, '王焊工', '焊工', 'intermediate');
  const p4 = await person(branchA.id, '赵电工', '电工', 'junior');
  await person(branchA.id, '钱电工', '电工');
  await person(workshopB.id, '孙铣工', '铣工');

  const studio = async (
    code: string,
    name: string,
    type: string,
    hostOrgId: number,
    status: string,
    level: string | null,
    archived = false,
  ) =>
    one(
      db,
      sql`INSERT INTO studios (code, name, type, host_org_id, status, current_level, founded_on, archived_at, field)
          VALUES (${`${code}-${t}`}, ${name}, ${type}, ${hostOrgId}, ${status}, ${level}, '2020-01-01', ${archived ? '2024-01-01T00:00:00Z' : null}, '数控加工')
          RETURNING id`,
    );
  const sA1 = await studio(
    'SA1',
    `数控刀具劳模创新工作室${t}`,
    'modelWorker',
    workshopA.id,
    'named',
    'group',
  );
  const sA2 = await studio('SA2', `焊接工匠工作室${t}`, 'craftsman', workshopA.id, 'cultivating', null);
  const sB1 = await studio(
    'SB1',
    `装配职工创新工作室${t}`,
    'employee',
    workshopB.id,
    'rectifying',
    'enterprise',
  );
  await studio('SB2', `旧工作室${t}`, 'employee', workshopB.id, 'named', 'group', true);
  await studio('SB3', `摘牌工作室${t}`, 'employee', entB.id, 'revoked', null);
  await db.execute(sql`UPDATE studios SET leader_person_id = ${p1.id} WHERE id = ${sA1.id}`);
  await db.execute(sql`UPDATE studios SET leader_person_id = ${p3.id} WHERE id = ${sB1.id}`);

  const member = (studioId: number, personId: number, role: string, left: string | null = null) =>
    db.execute(
      sql`INSERT INTO studio_members (studio_id, person_id, role, joined_on, left_on) VALUES (${studioId}, ${personId}, ${role}, '2020-02-01', ${left})`,
    );
  await member(sA1.id, p1.id, 'leader');
  await member(sA1.id, p2.id, 'core');
  await member(sA2.id, p2.id, 'member');
  await member(sB1.id, p3.id, 'leader');
  await member(sB1.id, p4.id, 'member', '2024-01-01');

  await db.execute(
    sql`INSERT INTO studio_namings (studio_id, level, naming_body, named_on, plaque_no) VALUES
        (${sA1.id}, 'group', '集团工会', ${`${year}-04-01`}, ${`PQ-${t}-1`}),
        (${sB1.id}, 'enterprise', '乙企业工会', '2022-05-01', ${`PQ-${t}-2`})`,
  );

  let n = 0;
  const result = async (
    studioId: number,
    kind: string,
    status: string,
    y: number,
    patent?: { type: string; status: string },
    archived = false,
  ) =>
    one(
      db,
      sql`INSERT INTO results (archive_no, kind, studio_id, title, problem, status, year, patent_type, patent_application_no, patent_status, patent_filed_on, archived_at, implemented_on)
          VALUES (${`R-${t}-${++n}`}, ${kind}, ${studioId}, ${`成果${n}：刀具寿命提升`}, '刀具磨损快', ${status}, ${y},
                  ${patent?.type ?? null}, ${patent ? `CN${t}${n}` : null}, ${patent?.status ?? null}, ${patent ? `${y}-03-01` : null},
                  ${archived ? '2025-01-01T00:00:00Z' : null}, ${`${y}-05-01`})
          RETURNING id`,
    );
  const r1 = await result(sA1.id, 'technicalImprovement', 'recognised', year);
  await result(sA1.id, 'fiveSmall', 'recognised', year);
  await result(sA1.id, 'patent', 'recognised', year, { type: 'invention', status: 'granted' });
  await result(sA2.id, 'patent', 'submitted', year, { type: 'utilityModel', status: 'filing' });
  await result(sB1.id, 'patent', 'draft', year, { type: 'utilityModel', status: 'granted' });
  await result(sB1.id, 'qc', 'recognised', year);
  await result(sB1.id, 'qc', 'recognised', year - 1);
  await result(sB1.id, 'qc', 'recognised', year, undefined, true);

  const project = (studioId: number, status: string, approvedOn: string | null, y = year) =>
    db.execute(
      sql`INSERT INTO projects (code, studio_id, title, source, goal, planned_start, planned_end, status, year, approved_on)
          VALUES (${`P-${t}-${++n}`}, ${studioId}, '高效切削攻关', 'self', '提升效率', ${`${y}-01-01`}, ${`${y}-12-31`}, ${status}, ${y}, ${approvedOn})`,
    );
  await project(sA1.id, 'inProgress', `${year}-02-01`);
  await project(sA1.id, 'proposed', null);
  await project(sB1.id, 'concluded', `${year}-03-01`);
  await project(sB1.id, 'approved', `${year - 1}-03-01`, year - 1);

  const benefit = (orgId: number, amountFen: number, status: string, verifiedOn: string | null) =>
    one(
      db,
      sql`INSERT INTO benefits (result_id, org_id, period_from, period_to, before_value_fen, after_value_fen, period_count, period_unit, amount_fen, basis, status, verified_on)
          VALUES (${r1.id}, ${orgId}, ${`${year}-01-01`}, ${`${year}-06-30`}, 0, ${amountFen}, 1, 'year', ${amountFen}, '测算', ${status}, ${verifiedOn})
          RETURNING id`,
    );
  await benefit(entA.id, 12_345_600, 'verified', `${year}-07-01`);
  const split = await benefit(entA.id, 1_000_000, 'verified', `${year}-08-01`);
  await db.execute(
    sql`INSERT INTO benefit_attributions (benefit_id, org_id, share, amount_fen) VALUES (${split.id}, ${entA.id}, 60, 600000), (${split.id}, ${entB.id}, 40, 400000)`,
  );
  await benefit(entA.id, 99_999_900, 'submitted', null);
  await benefit(entB.id, 5_000_000, 'verified', `${year - 1}-12-31`);

  const activity = async (studioId: number, kind: string, heldOn: string, hours: number) =>
    one(
      db,
      sql`INSERT INTO activities (studio_id, kind, title, held_on, hours, checkin_token) VALUES (${studioId}, ${kind}, '数控培训', ${heldOn}, ${hours}, ${`${t}-tok-${++n}`}) RETURNING id`,
    );
  const a1 = await activity(sA1.id, 'training', `${year}-03-10`, 8);
  const a2 = await activity(sB1.id, 'training', `${year}-04-10`, 4);
  await activity(sA1.id, 'exchange', `${year}-05-10`, 2);
  await activity(sA1.id, 'training', `${year - 1}-05-10`, 6);
  const attend = (activityId: number, personId: number, hours: number | null) =>
    db.execute(
      sql`INSERT INTO activity_participants (activity_id, person_id, role, attended_at, hours) VALUES (${activityId}, ${personId}, 'trainee', '2025-03-10T02:00:00Z', ${hours})`,
    );
  await attend(a1.id, p2.id, null);
  await attend(a1.id, p4.id, 6);
  await attend(a2.id, p3.id, null);
  await db.execute(
    sql`INSERT INTO activity_participants (activity_id, person_id, role) VALUES (${a2.id}, ${p4.id}, 'trainee')`,
  );

  await db.execute(
    sql`INSERT INTO mentorships (studio_id, mentor_person_id, apprentice_person_id, starts_on, ends_on, goals, status, outcome_on, outcome_grade) VALUES
        (${sA1.id}, ${p1.id}, ${p2.id}, ${`${year}-01-15`}, ${`${year + 1}-01-14`}, '掌握五轴编程', 'active', null, null),
        (${sB1.id}, ${p3.id}, ${p4.id}, ${`${year - 1}-01-15`}, ${`${year}-01-14`}, '焊接取证', 'completed', ${`${year}-01-20`}, 'intermediate')`,
  );
  await db.execute(
    sql`INSERT INTO fund_allocations (studio_id, year, source, amount_fen, received_on) VALUES
        (${sA1.id}, ${year}, 'unionGrant', 5000000, ${`${year}-03-01`}),
        (${sA1.id}, ${year}, 'enterpriseMatch', 3000000, ${`${year}-03-01`}),
        (${sB1.id}, ${year - 1}, 'upperAward', 2000000, ${`${year - 1}-06-01`})`,
  );
  const idea = (
    orgId: number,
    status: string,
    createdAt: string,
    deadlineAt: string | null,
    answeredAt: string | null,
  ) =>
    db.execute(
      sql`INSERT INTO ideas (code, org_id, category, title, content, status, created_at, deadline_at, answered_at)
          VALUES (${`I-${t}-${++n}`}, ${orgId}, 'efficiency', '改进夹具定位', '夹具定位不准导致返工', ${status}, ${createdAt}, ${deadlineAt}, ${answeredAt})`,
    );
  await idea(
    workshopA.id,
    'adopted',
    `${year}-02-01T02:00:00Z`,
    `${year}-02-15T02:00:00Z`,
    `${year}-02-10T02:00:00Z`,
  );
  await idea(
    workshopA.id,
    'rejected',
    `${year}-03-01T02:00:00Z`,
    `${year}-03-15T02:00:00Z`,
    `${year}-03-20T02:00:00Z`,
  );
  await idea(workshopB.id, 'submitted', `${year}-04-01T02:00:00Z`, `${year}-04-15T02:00:00Z`, null);
  // 31 Dec 20:00 UTC is already the next year in China: counts for year + 1, not `year`.
  await idea(workshopB.id, 'implemented', `${year}-12-31T20:00:00Z`, null, null);
  return { studios: { sA1, sA2, sB1 }, people: { p1, p2, p3, p4 }, year };
}
