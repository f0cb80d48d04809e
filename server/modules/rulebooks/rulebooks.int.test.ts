import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  createTestApp,
  createWorld,
  login,
  type Session,
  type TestApp,
  type World,
} from '../../../test/helpers.js';
import { seedStudioForNaming } from '../applications/applications.fixtures.js';
import { people } from '../people/people.table.js';
import { hasConditionChecker, registerConditionChecker } from './conditions.js';
import { defaultRulebooks } from './rulebooks.defaults.js';
import { rulebooks } from './rulebooks.table.js';

let t: TestApp;
let w: World;
let admin: Session;
let entA: Session;
let leader: Session;
let expert: Session;
let worker: Session;

beforeAll(async () => {
  t = await createTestApp({ clock: { now: () => new Date('2026-06-01T02:00:00Z') } });
  w = await createWorld(t.database);
  admin = await login(t.app, w.users.groupAdmin.username);
  entA = await login(t.app, w.users.entAdminA.username);
  leader = await login(t.app, w.users.leaderA.username);
  expert = await login(t.app, w.users.expertB.username);
  worker = await login(t.app, w.users.employeeA.username);
});
afterAll(() => t.close());

const get = (s: Session | null, url: string) => call(t.app, s, { method: 'GET', url });
const post = (s: Session | null, url: string, payload: unknown) =>
  call(t.app, s, { method: 'POST', url, payload: payload as object });

// Tests edit only the provinceDemo naming family, which no other test file relies on (one PostgreSQL database is shared).
const LEVEL = 'provinceDemo';

describe('rulebooks', () => {
  it('ships the defaults of rulebooks.defaults.ts as version 1 (the migration and the code agree)', async () => {
    const rows = await t.database.db.select().from(rulebooks).where(eq(rulebooks.versionNo, 1));
    for (const d of defaultRulebooks) {
      const row = rows.find((r) => r.purpose === d.purpose && r.level === d.level);
      expect(row, `${d.purpose}/${d.level}`).toBeDefined();
      expect({ name: row!.name, conditions: row!.conditions, sheet: row!.sheet }).toEqual({
        name: d.name,
        conditions: d.conditions,
        sheet: d.sheet,
      });
    }
    const naming = defaultRulebooks.find((d) => d.purpose === 'naming' && d.level === 'group')!;
    expect(naming.sheet.indicators.map((i) => `${i.name}${i.maxPoints}`)).toEqual([
      '基础保障35',
      '日常管理15',
      '技术攻关15',
      '技术交流15',
      '带徒传艺20',
    ]);
    expect(naming.sheet.bonusCap).toBe(10);
    expect(naming.sheet.grades.map((g) => `${g.name}≥${g.minScore}`)).toEqual([
      '优秀≥90',
      '良好≥75',
      '合格≥60',
      '不合格≥0',
    ]);
    const result = defaultRulebooks.find((d) => d.purpose === 'result')!;
    expect(result.sheet.indicators.map((i) => i.maxPoints).reduce((a, b) => a + b)).toBe(100);
  });

  it('lists the current version of each family to everyone who reviews', async () => {
    for (const s of [admin, entA, leader, expert]) {
      const res = await get(s, '/api/rulebooks');
      expect(res.statusCode).toBe(200);
      const purposes = new Set(res.json().map((r: { purpose: string }) => r.purpose));
      expect([...purposes].sort()).toEqual(['assessment', 'naming', 'result']);
    }
    const list = (await get(admin, '/api/rulebooks?purpose=naming&level=group')).json();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ current: true, abilities: { createVersion: true } });
    expect(
      (await get(entA, '/api/rulebooks?purpose=naming&level=group')).json()[0].abilities.createVersion,
    ).toBe(false);
    expect((await get(worker, '/api/rulebooks')).statusCode).toBe(403);
    expect((await get(null, '/api/rulebooks')).statusCode).toBe(401);
  });

  it('saves an edit as a new version and leaves the old one untouched', async () => {
    const [v1] = (await get(admin, `/api/rulebooks?purpose=naming&level=${LEVEL}`)).json();
    const edited = {
      purpose: 'naming',
      level: LEVEL,
      name: `${v1.name}（2026年修订）`,
      note: '成员人数提高到 5 人',
      conditions: v1.conditions.map((c: { kind: string }) =>
        c.kind === 'minMembers' ? { ...c, min: 5, label: '在册成员不少于 5 人' } : c,
      ),
      sheet: v1.sheet,
      baseId: v1.id,
    };
    expect((await post(entA, '/api/rulebooks', edited)).statusCode).toBe(403);
    const created = await post(admin, '/api/rulebooks', edited);
    expect(created.statusCode).toBe(201);
    const v2 = created.json();
    expect(v2).toMatchObject({ versionNo: v1.versionNo + 1, current: true, note: '成员人数提高到 5 人' });
    const old = (await get(expert, `/api/rulebooks/${v1.id}`)).json();
    expect(old).toMatchObject({
      current: false,
      name: v1.name,
      conditions: v1.conditions,
      abilities: { createVersion: false },
    });
    const stale = await post(admin, '/api/rulebooks', { ...edited, baseId: v1.id });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('conflict.stale');
    expect(stale.json().error.details.current.id).toBe(v2.id);
    const all = (await get(admin, `/api/rulebooks?purpose=naming&level=${LEVEL}&allVersions=true`)).json();
    expect(all.map((r: { versionNo: number }) => r.versionNo)).toEqual([v2.versionNo, v1.versionNo]);
    const audit = (await get(admin, `/api/audit?entityType=rulebook&entityId=${v2.id}`)).json();
    expect(audit.items[0]).toMatchObject({ action: 'rulebooks.create_version' });
  });

  it('refuses a malformed sheet with field messages and saves nothing', async () => {
    const before = (await get(admin, `/api/rulebooks?purpose=naming&level=${LEVEL}&allVersions=true`)).json()
      .length;
    const bad = await post(admin, '/api/rulebooks', {
      purpose: 'naming',
      level: null,
      name: '',
      conditions: [{ key: 'm', kind: 'minMembers', label: '人数', min: -1 }],
      sheet: {
        indicators: [
          { key: 'a', name: '甲', maxPoints: 10 },
          { key: 'a', name: '乙', maxPoints: 0 },
        ],
        grades: [{ name: '优秀', minScore: 90 }],
      },
    });
    expect(bad.statusCode).toBe(400);
    const fields = Object.keys(bad.json().error.details.fields);
    expect(fields).toEqual(
      expect.arrayContaining(['name', 'conditions.0.min', 'sheet.indicators.1.maxPoints']),
    );
    const semantic = await post(admin, '/api/rulebooks', {
      purpose: 'naming',
      level: null,
      name: '无级别',
      sheet: {
        indicators: [
          { key: 'a', name: '甲', maxPoints: 10 },
          { key: 'a', name: '乙', maxPoints: 5 },
        ],
        grades: [{ name: '优秀', minScore: 90 }],
      },
    });
    expect(semantic.statusCode).toBe(400);
    expect(semantic.json().error.details.fields).toMatchObject({
      'sheet.indicators.1.key': '指标编码重复',
      'sheet.grades': '须有一个从 0 分起的最低等级',
    });
    expect(
      (await get(admin, `/api/rulebooks?purpose=naming&level=${LEVEL}&allVersions=true`)).json(),
    ).toHaveLength(before);
  });

  it('lets a module plug in (or replace) a condition checker', async () => {
    await t.database.db
      .update(people)
      .set({ honours: [{ kind: 'modelWorker', level: 'enterprise', year: 2015 }] })
      .where(eq(people.id, w.users.leaderA.personId));
    const studio = await seedStudioForNaming(t.database.db, {
      code: `GZS-${w.tag}`,
      name: '条件核查工作室',
      hostOrgId: w.orgs.workshopA.id,
      leaderPersonId: w.users.leaderA.personId,
      memberPersonIds: [w.users.memberA.personId],
      foundedOn: '2024-09-01',
      siteArea: null,
    });
    const check = async () =>
      Object.fromEntries(
        (await get(leader, `/api/applications/condition-check?studioId=${studio.id}&level=enterprise`))
          .json()
          .results.map((r: { key: string }) => [r.key, r]),
      );
    const before = await check();
    expect(before.leaderHonour).toMatchObject({
      status: 'passed',
      reason: '领衔人leadera4获得企业级劳动模范（2015年）',
    });
    expect(before.members).toMatchObject({ status: 'failed', reason: '在册成员 2 人，要求不少于 3 人' });
    expect(before.years).toMatchObject({
      status: 'failed',
      reason: '2024-09-01 创建，已运行 1 年，要求满 3 年',
    });
    expect(before.site).toMatchObject({ status: 'failed', reason: '工作室档案未填写场所面积，请先补充' });
    // The results module checks results a year from the recognised results (none here).
    expect(hasConditionChecker('minResultsPerYear')).toBe(true);
    expect(before.results.status).toBe('failed');
    expect(before.results.reason).toMatch(
      /^(\d{4} 年认定成果 0 项，){2}\d{4} 年认定成果 0 项；要求每年不少于 2 项$/,
    );
    registerConditionChecker('minResultsPerYear', async (c) => ({
      status: 'failed',
      reason: `近 ${c.years} 年成果 1 项，要求每年不少于 ${c.perYear} 项`,
    }));
    expect((await check()).results).toMatchObject({
      status: 'failed',
      reason: '近 3 年成果 1 项，要求每年不少于 2 项',
    });
    const group = (
      await get(leader, `/api/applications/condition-check?studioId=${studio.id}&level=group`)
    ).json();
    expect(group.results[0]).toMatchObject({
      status: 'failed',
      reason: '领衔人leadera4未获得集团级及以上荣誉（现有：企业级劳动模范（2015年））',
    });
    expect(group.ok).toBe(false);
  });
});
