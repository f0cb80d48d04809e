import { asc, eq, sql } from 'drizzle-orm';
import type { NamingLevel, StudioType } from '../../../common/enums.js';
import type { Honour } from '../../../common/schemas/people.js';
import type { Db } from '../../core/db.js';
import { orgs } from '../../modules/orgs/orgs.table.js';
import { people } from '../../modules/people/people.table.js';
import { highestLevel } from '../../modules/studios/studios.repository.js';
import {
  studioCodeCounters,
  studioMembers,
  studioNamings,
  studios,
} from '../../modules/studios/studios.table.js';
import { rng } from './factories.js';

type OrgRef = { id: number; path: string };
type PersonRef = { id: number; name: string; phone: string | null; honours: Honour[]; orgPath: string };

const fields = [
  '数控加工',
  '焊接技术',
  '电气自动化',
  '设备维修',
  '铸造工艺',
  '锻压工艺',
  '热处理',
  '质量检测',
  '液压技术',
  '装配调试',
  '智能制造',
  '节能降耗',
];
const slogans = [
  '匠心筑梦，创新领航',
  '精益求精，追求卓越',
  '小改小革见真章',
  '传技带徒，薪火相传',
  '攻坚克难，勇攀高峰',
  '一线创新，实干兴企',
];
const equipmentPool = [
  { name: '五轴加工中心', model: 'DMU 50', value: 1_280_000 },
  { name: '焊接机器人', model: 'FANUC M-10iD', value: 460_000 },
  { name: '三坐标测量机', model: 'Global S', value: 380_000 },
  { name: '3D 打印机', model: 'UP300', value: 42_000 },
  { name: 'PLC 实训台', model: 'S7-1500', value: 36_000 },
  { name: '液压综合试验台', model: 'YY-18', value: 150_000 },
  { name: '红外热像仪', model: 'FLIR E8', value: 28_000 },
];
const typeSuffix: Record<StudioType, string> = {
  modelWorker: '劳模创新工作室',
  employee: '职工创新工作室',
  craftsman: '工匠创新工作室',
  masterSkill: '技能大师工作室',
};
const levelBody: Record<string, (ent: string) => string> = {
  enterprise: (ent) => `${ent}工会`,
  group: () => '示例重工集团工会',
  city: () => '示例市总工会',
  province: () => '示例省总工会',
};
const ladder: NamingLevel[] = ['enterprise', 'group', 'city', 'province'];
/** Studios per enterprise SLHI-01 … SLHI-12: 30 in all. */
const perEnterprise = [4, 3, 3, 3, 3, 2, 2, 2, 2, 2, 2, 2];

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * About 30 studios across the demo enterprises, each led by a person with honours and with 3–8 members,
 * naming history for most, founded 2015–2025. SLHI-01's first studio is 张卫东's (the demo `leader`), with
 * 刘海涛 (the demo `member`) among its members. Deterministic: same data on every run.
 */
export async function seedDemoStudios(
  db: Db,
  demo: { leader: { id: number }; member: { id: number } } & Record<string, { id: number }>,
) {
  const r = rng(20261125);
  const entRows = await db.select().from(orgs).where(eq(orgs.kind, 'enterprise')).orderBy(asc(orgs.code));
  const all = await db
    .select({
      id: people.id,
      name: people.name,
      phone: people.phone,
      honours: people.honours,
      orgPath: orgs.path,
    })
    .from(people)
    .innerJoin(orgs, eq(orgs.id, people.orgId))
    .orderBy(asc(people.id));
  const hosts = await db
    .select()
    .from(orgs)
    .where(sql`${orgs.kind} IN ('branch', 'workshop')`)
    .orderBy(asc(orgs.code));
  const counters = new Map<number, number>();
  const plaques = new Map<string, number>();
  // The demo accounts' people join only where the demo needs them (the worker stays a plain employee).
  const used = new Set<number>(Object.values(demo).map((p) => p.id));

  for (const [i, ent] of entRows.entries()) {
    if (!ent.code.startsWith('SLHI-')) continue;
    const entName = ent.name;
    const inEnt = (p: PersonRef) => p.orgPath.startsWith(ent.path);
    const honoured = all.filter((p) => inEnt(p) && p.honours.length > 0 && !used.has(p.id));
    const staff = all.filter((p) => inEnt(p) && !used.has(p.id));
    const entHosts = hosts.filter((h) => h.path.startsWith(ent.path));
    for (let k = 0; k < (perEnterprise[i] ?? 2); k++) {
      const demoStudio = ent.code === 'SLHI-01' && k === 0;
      const free = (list: PersonRef[]) => {
        const left = list.filter((p) => !used.has(p.id));
        return left.length ? r.pick(left) : undefined;
      };
      const leader = demoStudio
        ? all.find((p) => p.id === demo.leader.id)!
        : (free(honoured) ?? free(staff)!);
      used.add(leader.id);
      const type: StudioType = demoStudio
        ? 'modelWorker'
        : r.pick(['modelWorker', 'employee', 'craftsman', 'masterSkill'] as const);
      const field = demoStudio ? '数控加工' : r.pick(fields);
      const host: OrgRef = demoStudio
        ? hosts.find((h) => h.code === 'SLHI-01-B1-W1')!
        : (entHosts.find((h) => leader.orgPath.startsWith(h.path) && h.kind === 'workshop') ??
          r.pick(entHosts));
      const foundedYear = demoStudio ? 2016 : r.int(2015, 2025);
      const foundedOn = `${foundedYear}-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}`;
      const seq = (counters.get(foundedYear) ?? 0) + 1;
      counters.set(foundedYear, seq);
      const short = entName.replace('示例重工', '').replace('有限公司', '');
      const name =
        type === 'employee' ? `${short}${field}${typeSuffix[type]}` : `${leader.name}${typeSuffix[type]}`;
      const [s] = await db
        .insert(studios)
        .values({
          code: `GZS-${foundedYear}-${String(seq).padStart(4, '0')}`,
          name: demoStudio ? '张卫东劳模创新工作室' : name,
          type,
          hostOrgId: host.id,
          leaderPersonId: leader.id,
          field,
          foundedOn,
          slogan: r.pick(slogans),
          intro: `${demoStudio ? '张卫东劳模创新工作室' : name}依托${entName}，围绕${field}开展技术攻关、技术革新和带徒传艺，推动一线创新成果转化应用。`,
          contactName: leader.name,
          contactPhone: leader.phone ?? `13${r.int(100000000, 999999999)}`,
          siteArea: r.int(6, 40) * 10,
          equipment: equipmentPool
            .map((e) => ({ e, k: r.next() }))
            .sort((a, b) => a.k - b.k)
            .slice(0, r.int(1, 4))
            .map(({ e }) => ({ ...e, quantity: r.int(1, 3) })),
          createdAt: `${foundedOn}T09:00:00+08:00`,
          updatedAt: `${foundedOn}T09:00:00+08:00`,
        })
        .returning();
      const studio = s!;
      const join = (y: number) => {
        const d = `${Math.min(2025, Math.max(foundedYear, y))}-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}`;
        return d < foundedOn ? foundedOn : d;
      };
      const roster: (typeof studioMembers.$inferInsert)[] = [
        {
          studioId: studio.id,
          personId: leader.id,
          role: 'leader',
          division: '统筹规划、技术把关',
          joinedOn: foundedOn,
        },
      ];
      if (demoStudio) {
        roster.push({
          studioId: studio.id,
          personId: demo.member.id,
          role: 'core',
          division: '工装夹具改进',
          joinedOn: '2017-03-06',
        });
      }
      const extra = r.int(2, 7) - (demoStudio ? 1 : 0);
      const mates = staff.filter(
        (p) => !used.has(p.id) && (demoStudio ? p.orgPath.startsWith(host.path) : true),
      );
      for (let m = 0; m < extra && mates.length; m++) {
        const p = mates.splice(r.int(0, mates.length - 1), 1)[0]!;
        used.add(p.id);
        const role = m < 2 ? 'core' : r.next() < 0.7 ? 'member' : 'trainee';
        roster.push({
          studioId: studio.id,
          personId: p.id,
          role,
          division: r.pick(['工艺改进', '设备改造', '质量攻关', '数据分析', '技能培训', null]),
          joinedOn: join(foundedYear + r.int(0, 3)),
        });
      }
      // Some studios keep a member who left: history is part of the roster.
      if (r.next() < 0.3 && mates.length) {
        const p = mates.shift()!;
        used.add(p.id);
        const joined = join(foundedYear);
        roster.push({
          studioId: studio.id,
          personId: p.id,
          role: 'member',
          joinedOn: joined,
          leftOn: `${Math.min(2025, Number(joined.slice(0, 4)) + 2)}-12-31`,
          leftReason: '调岗',
        });
      }
      await db.insert(studioMembers).values(roster);

      // Naming: most studios climb the ladder a step every few years; some are still cultivating.
      const steps = demoStudio ? 4 : r.next() < 0.25 ? 0 : r.int(1, foundedYear < 2020 ? 4 : 2);
      const namings: (typeof studioNamings.$inferInsert)[] = [];
      let year = foundedYear + 1;
      for (let l = 0; l < steps && year <= 2025; l++) {
        const level = ladder[l]!;
        if (demoStudio && level === 'city') continue;
        const n = (plaques.get(`${level}${year}`) ?? 0) + 1;
        plaques.set(`${level}${year}`, n);
        namings.push({
          studioId: studio.id,
          level,
          namingBody: levelBody[level]!(entName),
          namedOn: `${year}-04-${pad(r.int(20, 28))}`,
          plaqueNo: `${level.slice(0, 3).toUpperCase()}-${year}-${String(n).padStart(3, '0')}`,
        });
        year += r.int(1, 3);
      }
      if (namings.length) {
        await db.insert(studioNamings).values(namings);
        await db
          .update(studios)
          .set({
            currentLevel: highestLevel(
              namings.map((x) => ({ level: x.level, revokedOn: null, archivedAt: null })),
            ),
            status: 'named',
          })
          .where(eq(studios.id, studio.id));
      }
    }
  }
  for (const [year, last] of counters) {
    await db
      .insert(studioCodeCounters)
      .values({ year, last })
      .onConflictDoUpdate({
        target: studioCodeCounters.year,
        set: { last: sql`GREATEST(${studioCodeCounters.last}, ${last})` },
      });
  }
}
