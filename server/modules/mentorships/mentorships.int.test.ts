import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createWorld, type Session, type TestApp, type World } from '../../../test/helpers.js';
import { auditOf, loginAll, readXlsx, requests, studioInA } from '../activities/studio-life.test-support.js';

let t: TestApp;
let w: World;
let admin: Session;
let entA: Session;
let entB: Session;
let leader: Session;
let member: Session;
let worker: Session;
let studio: { id: number; name: string };
let r: ReturnType<typeof requests>;

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorld(t.database);
  r = requests(t);
  ({ admin, entA, entB, leader, member, worker } = await loginAll(t, w));
  studio = await studioInA(t, w, entA);
  const p = (await r.get(entA, `/api/people/${w.users.employeeA.personId}`)).json();
  expect(
    (await r.patch(entA, `/api/people/${p.id}`, { skillGrade: 'senior', version: p.version })).statusCode,
  ).toBe(200);
});
afterAll(() => t.close());

const agreement = (extra: Record<string, unknown> = {}) => ({
  studioId: studio.id,
  mentorPersonId: w.users.memberA.personId,
  apprenticePersonId: w.users.employeeA.personId,
  startsOn: '2024-03-01',
  endsOn: '2025-02-28',
  goals: '掌握数控车床复杂零件编程，取得技师资格',
  targetGrade: 'technician',
  ...extra,
});

describe('mentoring (师带徒)', () => {
  it('signs, notes progress and ends with the apprentice promoted to 技师, visible on their person record', async () => {
    const res = await r.post(leader, '/api/mentorships', agreement());
    expect(res.statusCode, res.body).toBe(201);
    const m = res.json();
    expect(m).toMatchObject({
      status: 'active',
      mentor: { id: w.users.memberA.personId },
      apprentice: { skillGrade: 'senior' },
    });
    expect(m.abilities).toMatchObject({ complete: true, addNote: true });
    const busy = await r.post(
      leader,
      '/api/mentorships',
      agreement({ mentorPersonId: w.users.leaderA.personId }),
    );
    expect(busy.statusCode).toBe(409);
    expect(busy.json().error.code).toBe('mentorships.apprentice_busy');

    const noted = await r.post(member, `/api/mentorships/${m.id}/notes`, {
      notedOn: '2024-09-01',
      content: '已能独立完成轴类零件加工',
    });
    expect(noted.statusCode, noted.body).toBe(200);
    expect(noted.json().notes[0]).toMatchObject({
      content: '已能独立完成轴类零件加工',
      authorName: 'membera5',
    });
    expect(
      (
        await r.post(member, `/api/mentorships/${m.id}/complete`, {
          outcomeOn: '2025-02-20',
          outcomeGrade: 'technician',
          version: noted.json().version,
        })
      ).statusCode,
    ).toBe(403);

    const lower = await r.post(leader, `/api/mentorships/${m.id}/complete`, {
      outcomeOn: '2025-02-20',
      outcomeGrade: 'intermediate',
      version: noted.json().version,
    });
    expect(lower.statusCode).toBe(400);
    expect(lower.json().error.details.fields.outcomeGrade).toBe('须高于徒弟当前的技能等级（高级工）');

    const done = await r.post(leader, `/api/mentorships/${m.id}/complete`, {
      outcomeOn: '2025-02-20',
      outcomeGrade: 'technician',
      certificate: '技师职业资格证书 No.2025-0031',
      version: noted.json().version,
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({
      status: 'completed',
      outcomeGrade: 'technician',
      apprentice: { skillGrade: 'technician' },
    });
    expect((await r.get(worker, `/api/people/${w.users.employeeA.personId}`)).json().skillGrade).toBe(
      'technician',
    );
    const history = (await r.get(worker, `/api/people/${w.users.employeeA.personId}/skill-history`)).json();
    expect(history).toEqual([
      expect.objectContaining({
        fromGrade: 'senior',
        toGrade: 'technician',
        changedOn: '2025-02-20',
        source: 'mentorship',
        sourceId: m.id,
      }),
    ]);
    const life = (await r.get(leader, `/api/people/${w.users.employeeA.personId}/life`)).json();
    expect(life.certificates).toEqual([
      expect.objectContaining({ name: '技师职业资格证书 No.2025-0031', source: 'mentorship' }),
    ]);
    expect(life.mentorships[0]).toMatchObject({
      role: 'apprentice',
      otherName: 'membera5',
      status: 'completed',
    });
    const actions = (await auditOf(t, admin, 'mentorship', m.id)).map((a) => a.action);
    expect(actions).toEqual(['mentorships.complete', 'mentorships.note', 'mentorships.create']);
    const personAudit = (await auditOf(t, admin, 'person', w.users.employeeA.personId)).find(
      (a) => a.action === 'people.skill_grade',
    );
    expect(personAudit).toMatchObject({
      before: { skillGrade: 'senior' },
      after: { skillGrade: 'technician' },
    });
    // A finished agreement accepts no more moves or notes.
    const again = await r.post(leader, `/api/mentorships/${m.id}/terminate`, {
      outcomeOn: '2025-02-21',
      outcomeNote: 'x',
      version: done.json().version,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('mentorships.invalid_transition');
    expect(
      (await r.post(member, `/api/mentorships/${m.id}/notes`, { notedOn: '2025-03-01', content: 'x' }))
        .statusCode,
    ).toBe(409);
  });

  it('checks parties and dates; only the leader or admins sign; others get 403/404', async () => {
    const self = await r.post(
      leader,
      '/api/mentorships',
      agreement({ apprenticePersonId: w.users.memberA.personId, endsOn: '2024-01-01' }),
    );
    expect(self.statusCode).toBe(400);
    expect(Object.keys(self.json().error.details.fields).sort()).toEqual(['apprenticePersonId', 'endsOn']);
    const notMember = await r.post(
      leader,
      '/api/mentorships',
      agreement({ mentorPersonId: w.users.employeeA.personId, apprenticePersonId: w.users.memberA.personId }),
    );
    expect(notMember.json().error.details.fields.mentorPersonId).toBe('师傅须为本工作室的在册成员');
    expect((await r.post(member, '/api/mentorships', agreement())).statusCode).toBe(403);
    expect((await r.post(worker, '/api/mentorships', agreement())).statusCode).toBe(403);
    expect((await r.post(null, '/api/mentorships', agreement())).statusCode).toBe(401);
    expect((await r.post(entB, '/api/mentorships', agreement())).statusCode).toBe(404);
    const m = (
      await r.post(
        entA,
        '/api/mentorships',
        agreement({ apprenticePersonId: w.users.leaderA.personId, targetGrade: null }),
      )
    ).json();
    expect((await r.get(entB, `/api/mentorships/${m.id}`)).json().error.code).toBe('mentorships.not_found');
    expect((await r.get(entB, `/api/people/${w.users.leaderA.personId}/skill-history`)).statusCode).toBe(404);
    const stale = await r.patch(leader, `/api/mentorships/${m.id}`, {
      goals: '新目标',
      version: m.version + 1,
    });
    expect(stale.statusCode).toBe(409);
    const upd = await r.patch(leader, `/api/mentorships/${m.id}`, { goals: '新目标', version: m.version });
    expect(upd.json().goals).toBe('新目标');
    const term = await r.post(leader, `/api/mentorships/${m.id}/terminate`, {
      outcomeOn: '2024-06-01',
      outcomeNote: '徒弟调岗',
      version: upd.json().version,
    });
    expect(term.json()).toMatchObject({ status: 'terminated', outcomeNote: '徒弟调岗' });
    const arch = await r.post(leader, `/api/mentorships/${m.id}/archive`, { version: term.json().version });
    expect(arch.json().archivedAt).not.toBeNull();
    expect(
      (await r.post(leader, `/api/mentorships/${m.id}/restore`, { version: arch.json().version })).json()
        .archivedAt,
    ).toBeNull();
  });

  it('lists with filters and exports', async () => {
    const list = (await r.get(leader, `/api/mentorships?studioId=${studio.id}&status=completed`)).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0].apprentice.skillGrade).toBe('technician');
    expect((await r.get(entB, `/api/mentorships?studioId=${studio.id}`)).json().total).toBe(0);
    const sheets = await readXlsx(
      (await r.get(leader, `/api/mentorships/export?studioId=${studio.id}`)).rawPayload,
    );
    expect(sheets.师带徒![0]).toContain('取得等级');
    expect(sheets.师带徒!.some((row) => row.includes('已出师') && row.includes('技师'))).toBe(true);
    expect(sheets.师带徒!.some((row) => row.includes('已终止'))).toBe(true);
  });
});
