import { count, eq } from 'drizzle-orm';
import { educations, honourKinds, honourLevels, skillGrades } from '../../../common/enums.js';
import type { Role } from '../../../common/roles.js';
import type { Db } from '../../core/db.js';
import { seedStudioLifeDemo } from '../../modules/activities/activities.seed.js';
import { seedNamingDemo } from '../../modules/applications/applications.seed.js';
import { seedEngagementDemo } from '../../modules/ideas/engagement.seed.js';
import { seedInnovationDemo } from '../../modules/innovation/innovation.seed.js';
import { orgs } from '../../modules/orgs/orgs.table.js';
import { people } from '../../modules/people/people.table.js';
import { seedShowcaseDemo } from '../../modules/showcase/showcase.seed.js';
import { seedDemoStudios } from './demo-studios.js';
import { chineseName, rng, seedOrg, seedPerson, seedUser } from './factories.js';

export const DEMO_PASSWORD = 'jiangxin-demo';

/** The demo accounts, one per role, listed in the README and printed at start. */
/** A demo account's e-mail address, on a reserved-style domain that never reaches a real mailbox. */
export const demoEmail = (username: string) => `${username}@demo.jiangxin.example`;

export const demoAccounts: { username: string; role: Role; orgCode: string; note: string }[] = [
  { username: 'admin', role: 'group_admin', orgCode: 'SLHI', note: '集团工会管理员 group union admin' },
  {
    username: 'ent_admin',
    role: 'enterprise_admin',
    orgCode: 'SLHI-01',
    note: '企业工会管理员（重型机械公司）enterprise admin',
  },
  {
    username: 'ent_admin2',
    role: 'enterprise_admin',
    orgCode: 'SLHI-02',
    note: '企业工会管理员（铸锻公司）second enterprise admin',
  },
  { username: 'leader', role: 'studio_leader', orgCode: 'SLHI-01', note: '工作室领衔人 studio leader' },
  { username: 'member', role: 'studio_member', orgCode: 'SLHI-01', note: '工作室成员 studio member' },
  { username: 'expert', role: 'expert', orgCode: 'SLHI', note: '评审专家（来自铸锻公司）expert reviewer' },
  { username: 'worker', role: 'employee', orgCode: 'SLHI-01', note: '职工 employee' },
];

const enterprises = [
  '重型机械有限公司',
  '铸锻有限公司',
  '电气设备有限公司',
  '矿山机械有限公司',
  '起重运输机械有限公司',
  '精密传动有限公司',
  '液压件有限公司',
  '焊接装备有限公司',
  '新能源装备有限公司',
  '智能制造有限公司',
  '工程技术服务有限公司',
  '检测研究院有限公司',
];
const branches = ['第一分厂', '第二分厂', '装配分厂', '机加分厂'];
const workshops = ['金工车间', '装配车间', '热处理车间', '焊接车间', '检修车间', '电气车间'];
const teams = ['甲班', '乙班', '丙班'];
const trades = [
  '车工',
  '钳工',
  '焊工',
  '铣工',
  '电工',
  '装配工',
  '起重工',
  '数控机床操作工',
  '铸造工',
  '锻造工',
  '热处理工',
  '质检员',
];
const titles = [null, null, '助理工程师', '工程师', '高级工程师', '技术员'];

/** Whether the database holds no orgs yet (first start). */
export async function isEmpty(db: Db): Promise<boolean> {
  const [r] = await db.select({ n: count() }).from(orgs);
  return (r?.n ?? 0) === 0;
}

/**
 * Loads the deterministic demo group 示例重工集团: 12 enterprises with branches, workshops and teams,
 * about 3,000 people with skill grades and honours, and one login per role (password `jiangxin-demo`).
 */
export async function seedDemo(db: Db, opts: { peoplePerTeam?: number } = {}) {
  const r = rng(20261124);
  const perTeam = opts.peoplePerTeam ?? 34;
  await db.transaction(async (tx) => {
    const root = await seedOrg(tx, { code: 'SLHI', name: '示例重工集团', kind: 'group', employeeCount: 0 });
    const byCode = new Map<string, { id: number; path: string; depth: number }>([['SLHI', root]]);
    const teamIds: number[] = [];
    for (const [i, ename] of enterprises.entries()) {
      const ecode = `SLHI-${String(i + 1).padStart(2, '0')}`;
      const ent = await seedOrg(tx, {
        code: ecode,
        name: `示例重工${ename}`,
        kind: 'enterprise',
        parent: root,
      });
      byCode.set(ecode, ent);
      const nb = i < 6 ? 2 : 1;
      for (let b = 0; b < nb; b++) {
        const bcode = `${ecode}-B${b + 1}`;
        const br = await seedOrg(tx, {
          code: bcode,
          name: branches[(i + b) % branches.length]!,
          kind: 'branch',
          parent: ent,
        });
        // Some enterprises leave a workshop without teams: coverage reports need holes to show.
        const nw = 2 + ((i + b) % 2);
        for (let w = 0; w < nw; w++) {
          const wcode = `${bcode}-W${w + 1}`;
          const ws = await seedOrg(tx, {
            code: wcode,
            name: workshops[(i + b + w) % workshops.length]!,
            kind: 'workshop',
            parent: br,
            employeeCount: 0,
          });
          for (let t = 0; t < 2; t++) {
            const team = await seedOrg(tx, {
              code: `${wcode}-T${t + 1}`,
              name: teams[t]!,
              kind: 'team',
              parent: ws,
            });
            teamIds.push(team.id);
            byCode.set(`${wcode}-T${t + 1}`, team);
          }
        }
      }
    }
    const rows: (typeof people.$inferInsert)[] = [];
    let n = 0;
    for (const teamId of teamIds) {
      for (let k = 0; k < perTeam; k++) {
        n++;
        const grade = r.pick(skillGrades);
        const honours =
          r.next() < 0.06
            ? [{ kind: r.pick(honourKinds), level: r.pick(honourLevels), year: r.int(2010, 2025) }]
            : [];
        rows.push({
          orgId: teamId,
          employeeNo: `E${String(n).padStart(6, '0')}`,
          name: chineseName(r),
          gender: r.next() < 0.78 ? 'male' : 'female',
          birthYear: r.int(1966, 2003),
          education: r.pick(educations),
          skillGrade: grade,
          professionalTitle: r.pick(titles),
          trade: r.pick(trades),
          phone: `13${r.int(100000000, 999999999)}`,
          honours,
        });
      }
    }
    for (let i = 0; i < rows.length; i += 500) await tx.insert(people).values(rows.slice(i, i + 500));
    // Head counts: each team's real roster plus staff outside the teams, so coverage ratios are plausible.
    await tx.execute(
      `UPDATE orgs o SET employee_count = (SELECT count(*) FROM people p JOIN orgs t ON t.id = p.org_id WHERE t.path LIKE o.path || '%') + 20 * (4 - o.depth)` as never,
    );

    const demoPeople = {
      admin: await seedPerson(tx, {
        orgId: root.id,
        employeeNo: 'A000001',
        name: '周建国',
        gender: 'male',
        birthYear: 1970,
        skillGrade: null,
        professionalTitle: '高级政工师',
        trade: null,
        honours: [],
      }),
      ent_admin: await seedPerson(tx, {
        orgId: byCode.get('SLHI-01')!.id,
        employeeNo: 'A000002',
        name: '李秀兰',
        gender: 'female',
        birthYear: 1978,
        professionalTitle: '政工师',
        honours: [],
      }),
      ent_admin2: await seedPerson(tx, {
        orgId: byCode.get('SLHI-02')!.id,
        employeeNo: 'A000003',
        name: '王立新',
        gender: 'male',
        birthYear: 1975,
        professionalTitle: '政工师',
        honours: [],
      }),
      leader: await seedPerson(tx, {
        orgId: byCode.get('SLHI-01-B1-W1-T1')!.id,
        employeeNo: 'A000004',
        name: '张卫东',
        gender: 'male',
        birthYear: 1972,
        education: 'college',
        skillGrade: 'seniorTechnician',
        professionalTitle: '高级工程师',
        trade: '钳工',
        honours: [
          { kind: 'modelWorker', level: 'province', year: 2018 },
          { kind: 'mayDayMedal', level: 'national', year: 2021 },
        ],
      }),
      member: await seedPerson(tx, {
        orgId: byCode.get('SLHI-01-B1-W1-T1')!.id,
        employeeNo: 'A000005',
        name: '刘海涛',
        gender: 'male',
        birthYear: 1986,
        education: 'vocational',
        skillGrade: 'technician',
        trade: '钳工',
        honours: [{ kind: 'technicalExpert', level: 'enterprise', year: 2022 }],
      }),
      expert: await seedPerson(tx, {
        orgId: byCode.get('SLHI-02')!.id,
        employeeNo: 'A000006',
        name: '陈志明',
        gender: 'male',
        birthYear: 1968,
        education: 'master',
        professionalTitle: '正高级工程师',
        trade: '铸造工',
        honours: [{ kind: 'chiefTechnician', level: 'group', year: 2016 }],
      }),
      worker: await seedPerson(tx, {
        orgId: byCode.get('SLHI-01-B1-W1-T2')!.id,
        employeeNo: 'A000007',
        name: '赵晓明',
        gender: 'male',
        birthYear: 1995,
        education: 'vocational',
        skillGrade: 'intermediate',
        trade: '车工',
        honours: [],
      }),
    };
    for (const a of demoAccounts) {
      const p = demoPeople[a.username as keyof typeof demoPeople];
      // people with a login get an address, so the daily digest has someone to write to in the demo
      await tx
        .update(people)
        .set({ email: demoEmail(a.username) })
        .where(eq(people.id, p.id));
      const grants: { role: Role; orgId: number }[] = [{ role: a.role, orgId: byCode.get(a.orgCode)!.id }];
      if (a.role !== 'employee' && a.role !== 'group_admin')
        grants.push({ role: 'employee', orgId: p.orgId });
      await seedUser(tx, {
        username: a.username,
        password: DEMO_PASSWORD,
        personId: p.id,
        displayName: p.name,
        grants,
      });
    }
    await seedDemoStudios(tx, demoPeople);
  });
  await seedStudioLifeDemo(db);
  await seedEngagementDemo(db);
  await seedInnovationDemo(db);
  // After the results: a naming application needs recognised results in each of the last three years.
  await seedNamingDemo(db);
  await seedShowcaseDemo(db);
}
