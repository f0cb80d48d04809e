import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationActorRole, ApplicationState } from '../../../common/workflows/application.js';
import { applicationMove } from '../../../common/workflows/application.js';
import {
  call,
  createTestApp,
  createWorld,
  login,
  PASSWORD,
  type Session,
  type TestApp,
  type World,
} from '../../../test/helpers.js';
import { seedOrg, seedPerson, seedUser } from '../../db/seed/factories.js';
import { people } from '../people/people.table.js';
import { seedStudioForNaming } from './applications.fixtures.js';

// Every endpoint against anonymous, wrong-role, other-org and bad-input callers, and every workflow move
// refused through the API to the wrong role and the wrong org, changing nothing.
const clock = { now: () => new Date('2026-04-01T02:00:00Z') };
let t: TestApp;
let w: World;
type Who = 'leader' | 'member' | 'entA' | 'entB' | 'admin' | 'expert' | 'worker' | 'outsider';
let s: Record<Who, Session>;
const apps = {} as Record<ApplicationState, number>;

const validRulebook = {
  purpose: 'result',
  level: 'national',
  name: '规则',
  sheet: { indicators: [{ key: 'a', name: '指标', maxPoints: 10 }], grades: [{ name: '合格', minScore: 0 }] },
};
const get = (x: Session | null, url: string) => call(t.app, x, { method: 'GET', url });
const send = (x: Session | null, method: string, url: string, payload?: unknown) =>
  call(t.app, x, { method: method as 'POST', url, payload: payload as object });
async function version(id: number) {
  return (await get(s.leader, `/api/applications/${id}`)).json().version as number;
}
async function move(x: Session, id: number, action: string, extra: Record<string, unknown> = {}) {
  const res = await send(x, 'POST', `/api/applications/${id}/transitions`, {
    action,
    version: await version(id),
    ...extra,
  });
  if (res.statusCode !== 200) throw new Error(`${action}: ${res.body}`);
  return res.json();
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  w = await createWorld(t.database);
  const db = t.database.db;
  await db
    .update(people)
    .set({ honours: [{ kind: 'technicalExpert', level: 'group', year: 2021 }] })
    .where(eq(people.id, w.users.leaderA.personId));
  const members = [];
  for (let i = 0; i < 3; i++) {
    members.push(
      (
        await seedPerson(db, {
          orgId: w.orgs.workshopA.id,
          employeeNo: `${w.tag}-x${i}`,
          name: `成员${i}`,
          honours: [],
        })
      ).id,
    );
  }
  const studioIds: number[] = [];
  for (let i = 0; i < 3; i++) {
    const st = await seedStudioForNaming(db, {
      code: `GZS-${w.tag}-${i}`,
      name: `测试工作室${i}`,
      hostOrgId: w.orgs.workshopA.id,
      leaderPersonId: w.users.leaderA.personId,
      memberPersonIds: [w.users.memberA.personId, ...members],
      recognisedResultYears: [2023, 2024, 2025],
    });
    studioIds.push(st.id);
  }
  const other = await seedOrg(db, { code: `O${w.tag}`, name: '另一集团', kind: 'group' });
  const op = await seedPerson(db, {
    orgId: other.id,
    employeeNo: `${w.tag}-out`,
    name: '外单位职工',
    honours: [],
  });
  await seedUser(db, {
    username: `out_${w.tag}`.toLowerCase(),
    password: PASSWORD,
    personId: op.id,
    displayName: op.name,
    grants: [{ role: 'employee', orgId: other.id }],
  });
  s = {
    leader: await login(t.app, w.users.leaderA.username),
    member: await login(t.app, w.users.memberA.username),
    entA: await login(t.app, w.users.entAdminA.username),
    entB: await login(t.app, w.users.entAdminB.username),
    admin: await login(t.app, w.users.groupAdmin.username),
    expert: await login(t.app, w.users.expertB.username),
    worker: await login(t.app, w.users.employeeA.username),
    outsider: await login(t.app, `out_${w.tag}`.toLowerCase()),
  };
  const order: ApplicationState[] = [
    'draft',
    'firstReview',
    'upperReview',
    'expertReview',
    'siteVisit',
    'publicity',
  ];
  const slots = studioIds.flatMap((studioId) =>
    ['enterprise', 'group'].map((level) => ({ studioId, level })),
  );
  for (const [i, target] of order.entries()) {
    const { studioId, level } = slots[i]!;
    const created = await send(s.leader, 'POST', '/api/applications', {
      studioId,
      level,
      materials: { summary: '简介' },
    });
    const id = created.json().id as number;
    apps[target] = id;
    const steps = order.indexOf(target);
    if (steps >= 1) await move(s.leader, id, 'submit');
    if (steps >= 2) await move(s.entA, id, 'pass');
    if (steps >= 3) await move(s.admin, id, 'pass');
    if (steps >= 4) {
      await send(s.admin, 'POST', `/api/applications/${id}/experts`, {
        expertUserIds: [w.users.expertB.id],
        deadline: '2026-04-10',
        version: await version(id),
      });
      const items = { basics: 30, management: 12, breakthrough: 12, exchange: 12, mentoring: 15 };
      await send(s.expert, 'PUT', `/api/applications/${id}/my-score`, { items, submit: true });
      await move(s.admin, id, 'finishExpertReview');
    }
    if (steps >= 5)
      await move(s.admin, id, 'finishSiteVisit', {
        opinion: '符合',
        publicityStart: '2026-04-01',
        publicityEnd: '2026-04-07',
      });
  }
});
afterAll(() => t.close());

describe('application endpoints refuse the wrong callers', () => {
  it('answers 401 to anonymous callers everywhere', async () => {
    const id = apps.firstReview;
    // Bodies are valid so the refusal is about who calls, not what they send.
    const routes: [string, string, unknown?][] = [
      ['GET', '/api/applications'],
      ['GET', `/api/applications/${id}`],
      ['POST', '/api/applications', { studioId: 1, level: 'group' }],
      ['PATCH', `/api/applications/${id}`, { version: 0, materials: {} }],
      ['POST', `/api/applications/${id}/transitions`, { action: 'pass', version: 0 }],
      ['GET', '/api/applications/condition-check?studioId=1&level=group'],
      ['GET', '/api/applications/my-studios'],
      ['GET', `/api/applications/${id}/expert-candidates`],
      ['POST', `/api/applications/${id}/experts`, { expertUserIds: [1], deadline: '2026-04-10', version: 0 }],
      ['DELETE', `/api/applications/${id}/experts/1`],
      ['PATCH', `/api/applications/${id}/settings`, { dropExtremes: true, version: 0 }],
      ['GET', `/api/applications/${id}/my-review`],
      ['PUT', `/api/applications/${id}/my-score`, { items: {}, submit: false }],
      ['GET', '/api/publicity'],
      ['POST', `/api/applications/${id}/objections`, { content: '一条异议内容' }],
      ['POST', `/api/applications/${id}/objections/1/resolve`, { resolution: '已处理' }],
      ['GET', `/api/applications/${id}/certificate`],
      ['GET', '/api/namings'],
      ['GET', '/api/namings/export'],
      ['GET', '/api/namings/1/certificate'],
      ['GET', '/api/reviews/mine'],
      ['GET', '/api/rulebooks'],
      ['GET', '/api/rulebooks/1'],
      ['POST', '/api/rulebooks', validRulebook],
    ];
    for (const [method, url, body] of routes) {
      const res = await send(null, method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it('answers 403 to roles that never take part', async () => {
    const id = apps.expertReview;
    const cases: [Who, string, string, unknown?][] = [
      ['worker', 'GET', '/api/applications'],
      ['worker', 'GET', `/api/applications/${id}`],
      ['worker', 'POST', '/api/applications', { studioId: 1, level: 'group' }],
      ['worker', 'POST', `/api/applications/${id}/transitions`, { action: 'pass', version: 0 }],
      ['entA', 'POST', '/api/applications', { studioId: 1, level: 'group' }],
      ['member', 'POST', '/api/applications', { studioId: 1, level: 'group' }],
      ['entA', 'GET', `/api/applications/${id}/expert-candidates`],
      [
        'entA',
        'POST',
        `/api/applications/${id}/experts`,
        { expertUserIds: [w.users.expertB.id], deadline: '2026-04-10', version: 0 },
      ],
      ['entA', 'PATCH', `/api/applications/${id}/settings`, { dropExtremes: true, version: 0 }],
      ['admin', 'PUT', `/api/applications/${id}/my-score`, { items: {}, submit: false }],
      ['leader', 'GET', `/api/applications/${id}/my-review`],
      ['entA', 'POST', '/api/rulebooks', validRulebook],
      ['worker', 'GET', '/api/rulebooks'],
      ['worker', 'GET', '/api/applications/my-studios'],
    ];
    for (const [who, method, url, body] of cases) {
      const res = await send(s[who], method, url, body);
      expect(res.statusCode, `${who} ${method} ${url}`).toBe(403);
      expect(res.json().error.code).toBe('auth.forbidden');
    }
    // Members read their studio's applications but may not apply.
    expect((await send(s.member, 'GET', `/api/applications/${id}`)).statusCode).toBe(200);
  });

  it('answers 404 to the other enterprise, unassigned experts and outsiders', async () => {
    const id = apps.firstReview;
    for (const [who, method, url, body] of [
      ['entB', 'GET', `/api/applications/${id}`],
      ['entB', 'POST', `/api/applications/${id}/transitions`, { action: 'pass', version: 0 }],
      ['expert', 'GET', `/api/applications/${id}`],
      ['expert', 'GET', `/api/applications/${id}/my-review`],
      [
        'entB',
        'GET',
        `/api/applications/condition-check?studioId=${(await get(s.leader, `/api/applications/${id}`)).json().studioId}&level=group`,
      ],
      ['outsider', 'POST', `/api/applications/${apps.publicity}/objections`, { content: '外单位的异议内容' }],
      ['worker', 'POST', `/api/applications/${id}/objections`, { content: '不在公示中的异议' }],
      ['entB', 'GET', `/api/applications/${apps.publicity}/certificate`],
      ['admin', 'GET', `/api/applications/${apps.draft}`],
      ['admin', 'GET', '/api/applications/999999'],
      ['admin', 'GET', '/api/rulebooks/999999'],
      ['admin', 'GET', '/api/namings/999999/certificate'],
    ] as [Who, string, string, unknown?][]) {
      const res = await send(s[who], method, url, body);
      expect(res.statusCode, `${who} ${method} ${url}`).toBe(404);
    }
    const list = (await get(s.entB, '/api/applications?pageSize=200')).json();
    expect(list.items.map((a: { id: number }) => a.id)).not.toContain(id);
    expect((await get(s.outsider, '/api/publicity')).json()).toEqual([]);
    expect((await get(s.worker, '/api/publicity')).json().map((p: { id: number }) => p.id)).toContain(
      apps.publicity,
    );
  });

  it('answers 400 with field details to bad input and changes nothing', async () => {
    const id = apps.draft;
    const before = await version(id);
    const cases: [Who, string, string, unknown, string][] = [
      ['leader', 'POST', '/api/applications', { studioId: 'x', level: 'galaxy' }, 'level'],
      ['leader', 'PATCH', `/api/applications/${id}`, { materials: { summary: 5 } }, 'version'],
      ['leader', 'POST', `/api/applications/${id}/transitions`, { action: 'fly', version: before }, 'action'],
      [
        'admin',
        'POST',
        `/api/applications/${apps.expertReview}/experts`,
        { expertUserIds: [], deadline: '明天', version: 0 },
        'deadline',
      ],
      [
        'admin',
        'PATCH',
        `/api/applications/${apps.expertReview}/settings`,
        { dropExtremes: 'yes', version: 0 },
        'dropExtremes',
      ],
      [
        'expert',
        'PUT',
        `/api/applications/${apps.expertReview}/my-score`,
        { items: { basics: -1 }, submit: true },
        'items.basics',
      ],
      ['worker', 'POST', `/api/applications/${apps.publicity}/objections`, { content: '短' }, 'content'],
      [
        'admin',
        'POST',
        `/api/applications/${apps.publicity}/objections/1/resolve`,
        { resolution: '' },
        'resolution',
      ],
      ['leader', 'GET', '/api/applications/condition-check?studioId=1&level=moon', undefined, 'level'],
      ['admin', 'GET', '/api/namings?year=abc', undefined, 'year'],
    ];
    for (const [who, method, url, body, field] of cases) {
      const res = await send(s[who], method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(400);
      expect(res.json().error.code).toBe('request.invalid');
      expect(Object.keys(res.json().error.details.fields), `${method} ${url}`).toContain(field);
    }
    const ret = await send(s.entA, 'POST', `/api/applications/${apps.firstReview}/transitions`, {
      action: 'return',
      version: await version(apps.firstReview),
    });
    expect(ret.json().error.details.fields.opinion).toBe('请填写意见（退回或不通过须说明理由）');
    expect(await version(id)).toBe(before);
    const stale = await send(s.leader, 'PATCH', `/api/applications/${id}`, {
      version: before + 5,
      materials: { summary: '新' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('conflict.stale');
    expect((await get(s.leader, `/api/applications/${id}`)).json().materials.summary).toBe('简介');
    const notEditable = await send(s.leader, 'PATCH', `/api/applications/${apps.firstReview}`, {
      version: await version(apps.firstReview),
      materials: { summary: '改' },
    });
    expect(notEditable.json().error.code).toBe('applications.not_editable');
  });

  it('refuses every workflow move to the wrong role and the wrong org, and changes nothing', async () => {
    const rolesOf: Partial<Record<Who, ApplicationActorRole[]>> = {
      leader: ['leader', 'groupMember'],
      member: ['groupMember'],
      entA: ['enterpriseAdmin', 'groupMember'],
      admin: ['groupAdmin', 'groupMember'],
      expert: ['groupMember'],
    };
    // The expert scored the applications that went past expert review, so still sees them.
    const assignedStates: ApplicationState[] = ['siteVisit', 'publicity'];
    const actions = [
      'submit',
      'pass',
      'return',
      'reject',
      'finishExpertReview',
      'finishSiteVisit',
      'name',
    ] as const;
    const audit = async () => {
      let n = 0;
      for (const id of Object.values(apps))
        n += (await get(s.admin, `/api/audit?entityType=application&entityId=${id}`)).json().total;
      return n;
    };
    const auditBefore = await audit();
    let checked = 0;
    for (const [state, id] of Object.entries(apps) as [ApplicationState, number][]) {
      const v = await version(id);
      for (const who of ['leader', 'member', 'entA', 'entB', 'admin', 'expert', 'worker'] as Who[]) {
        for (const action of actions) {
          let expected: number;
          if (who === 'worker') expected = 403;
          else if (who === 'entB' || (who === 'expert' && !assignedStates.includes(state))) expected = 404;
          else if (state === 'draft' && (who === 'entA' || who === 'admin')) expected = 404;
          else {
            const m = applicationMove(state, action, rolesOf[who]!);
            if (m.ok) continue;
            expected = m.reason === 'invalid_transition' ? 409 : 403;
          }
          const res = await send(s[who], 'POST', `/api/applications/${id}/transitions`, {
            action,
            version: v,
            opinion: '意见',
            publicityStart: '2026-04-02',
            publicityEnd: '2026-04-09',
          });
          expect(res.statusCode, `${state} × ${action} × ${who}`).toBe(expected);
          if (expected === 409) expect(res.json().error.code).toBe('applications.invalid_transition');
          checked++;
        }
      }
      expect(await version(id), state).toBe(v);
      expect((await get(s.leader, `/api/applications/${id}`)).json().state).toBe(state);
    }
    expect(checked).toBeGreaterThan(250);
    expect(await audit()).toBe(auditBefore);
  });

  it('shows each caller only the actions the server allows', async () => {
    const detail = async (who: Who, id: number) =>
      (await get(s[who], `/api/applications/${id}`)).json().abilities;
    expect(await detail('leader', apps.draft)).toMatchObject({ submit: true, edit: true, pass: false });
    expect(await detail('entA', apps.firstReview)).toMatchObject({
      pass: true,
      return: true,
      reject: true,
      submit: false,
    });
    expect(await detail('admin', apps.firstReview)).toMatchObject({ pass: false, return: false });
    expect(await detail('admin', apps.expertReview)).toMatchObject({
      assignExperts: true,
      finishExpertReview: false,
    });
    expect(await detail('admin', apps.publicity)).toMatchObject({
      name: false,
      resolveObjection: true,
      reject: true,
    });
    expect(await detail('member', apps.publicity)).toMatchObject({
      fileObjection: true,
      name: false,
      resolveObjection: false,
    });
  });
});
