import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  createWorld,
  login,
  type Session,
  type TestApp,
  type World,
} from '../../../test/helpers.js';
import { kit } from '../innovation/innovation.test-kit.js';

let t: TestApp;
let w: World;
let k: ReturnType<typeof kit>;
let entA: Session;
let entB: Session;
let leader: Session;

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorld(t.database);
  k = kit(t, w);
  [entA, entB, leader] = (await Promise.all(
    [w.users.entAdminA, w.users.entAdminB, w.users.leaderA].map((u) => login(t.app, u.username)),
  )) as [Session, Session, Session];
});
afterAll(() => t.close());

const similar = (s: Session | null, q: string) => k.get(s, `/api/similar?${q}`);

describe('similarity check', () => {
  it('finds two similar earlier projects of another enterprise first, and never shows its confidential ones', async () => {
    const studioA = await k.studio(entA, {
      hostOrgId: w.orgs.workshopA.id,
      leaderPersonId: w.users.leaderA.personId,
    });
    const studioB = await k.studio(entB, { hostOrgId: w.orgs.workshopB.id });
    const mk = async (
      s: Session,
      studioId: number,
      personId: number,
      title: string,
      goal: string,
      o: Record<string, unknown> = {},
    ) => {
      const r = await k.post(
        s,
        '/api/projects',
        k.projectBody(studioId, personId, { title, goal, content: null, milestones: [], ...o }),
      );
      expect(r.statusCode, r.body).toBe(201);
      return r.json() as { id: number };
    };
    const pB = w.users.entAdminB.personId;
    const pA = w.users.leaderA.personId;
    // noise first, so that the order cannot come from insertion
    await mk(entB, studioB.id, pB, '焊接机器人离线编程应用', '用离线编程缩短焊接机器人示教时间。');
    await mk(entA, studioA.id, pA, '桥式起重机减速机漏油治理', '治理减速机漏油，降低停机。');
    const s1 = await mk(
      entB,
      studioB.id,
      pB,
      '数控机床主轴热变形补偿方法研究',
      '建立主轴温升与热伸长的关系模型，在数控系统中实时补偿热变形误差。',
    );
    const s2 = await mk(
      entB,
      studioB.id,
      pB,
      '卧式加工中心主轴热伸长误差补偿',
      '测量主轴热伸长，通过数控系统补偿加工误差，提高镗孔精度。',
    );
    const secret = await mk(entB, studioB.id, pB, '数控机床主轴热变形补偿（涉密）', '主轴热变形补偿。', {
      confidential: true,
    });
    const ownSecret = await mk(entA, studioA.id, pA, '数控机床主轴热变形测量装置', '主轴热变形测量。', {
      confidential: true,
    });

    const text = encodeURIComponent(
      '数控机床主轴热变形补偿\n针对数控机床主轴温升导致的热伸长，建立补偿模型，提高加工精度。',
    );
    const res = await similar(leader, `kind=project&text=${text}`);
    expect(res.statusCode).toBe(200);
    const items = res.json() as {
      id: number;
      kind: string;
      score: number;
      enterpriseName: string;
      canOpen: boolean;
      sharedWords: string[];
    }[];
    const ids = items.map((i) => i.id);
    // the two earlier projects of enterprise B lead the list
    expect(ids.slice(0, 3)).toEqual(expect.arrayContaining([s1.id, s2.id]));
    const first = items.filter((i) => i.enterpriseName === '乙企业').slice(0, 2);
    expect(first.map((i) => i.id).sort()).toEqual([s1.id, s2.id].sort());
    expect(first.every((i) => i.canOpen === false && i.score > 0.2 && i.sharedWords.includes('主轴'))).toBe(
      true,
    );
    // B's confidential project is left out entirely; A's own confidential one is listed for A
    expect(ids).not.toContain(secret.id);
    expect(ids).toContain(ownSecret.id);
    expect(items.find((i) => i.id === ownSecret.id)?.canOpen).toBe(true);
    // scores are sorted and bounded
    expect(items.map((i) => i.score)).toEqual([...items.map((i) => i.score)].sort((a, b) => b - a));
    expect(items.every((i) => i.score > 0 && i.score <= 1)).toBe(true);
    // unrelated work scores below the similar ones
    const noise = items.find((i) => !([s1.id, s2.id, ownSecret.id, secret.id] as number[]).includes(i.id));
    if (noise) expect(noise.score).toBeLessThan(first[1]!.score);

    // the reviewer's view of a project leaves the project itself out
    const self = (await similar(entB, `kind=project&excludeProjectId=${s1.id}&text=${text}`)).json() as {
      id: number;
    }[];
    expect(self.map((i) => i.id)).not.toContain(s1.id);
    expect(self.map((i) => i.id)).toContain(secret.id); // B sees its own confidential project
    expect(self.map((i) => i.id)).not.toContain(ownSecret.id);
  });

  it('searches results too and validates its input', async () => {
    const studioB = await k.studio(entB, { hostOrgId: w.orgs.workshopB.id });
    const r = await k.post(
      entB,
      '/api/results',
      k.resultBody(studioB.id, [{ personId: w.users.entAdminB.personId, share: 100 }], {
        title: '冒口切割导轨改进',
      }),
    );
    expect(r.statusCode).toBe(201);
    const items = (
      await similar(leader, `kind=result&text=${encodeURIComponent('冒口切割导轨')}`)
    ).json() as { id: number; kind: string }[];
    expect(items[0]).toMatchObject({ id: r.json().id, kind: 'result' });
    const both = (await similar(leader, `text=${encodeURIComponent('大型铸件冒口切割')}`)).json() as {
      kind: string;
    }[];
    expect(both.some((i) => i.kind === 'result')).toBe(true);
    expect((await similar(null, 'text=abc')).statusCode).toBe(401);
    const bad = await similar(leader, 'text=a&kind=idea');
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.details.fields).sort()).toEqual(['kind', 'text']);
  });
});
