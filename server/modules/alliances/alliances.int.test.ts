import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createWorld, type Session, type TestApp, type World } from '../../../test/helpers.js';
import {
  auditOf,
  loginAll,
  readXlsx,
  requests,
  studioInA,
  studioInB,
} from '../activities/studio-life.test-support.js';

let t: TestApp;
let w: World;
let admin: Session;
let entA: Session;
let entB: Session;
let leader: Session;
let member: Session;
let worker: Session;
let s1: { id: number; name: string };
let s2: { id: number; name: string };
let sB: { id: number; name: string };
let r: ReturnType<typeof requests>;

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorld(t.database);
  r = requests(t);
  ({ admin, entA, entB, leader, member, worker } = await loginAll(t, w));
  s1 = await studioInA(t, w, entA, '车工创新工作室');
  const res = await r.post(entA, '/api/studios', {
    name: `焊接工作室${w.tag}`,
    type: 'craftsman',
    hostOrgId: w.orgs.branchA.id,
    foundedOn: '2020-01-01',
  });
  s2 = res.json();
  sB = await studioInB(t, w, entB);
});
afterAll(() => t.close());

const alliance = (extra: Record<string, unknown> = {}) => ({
  name: '甲企业数控技术创新联盟',
  orgId: w.orgs.entA.id,
  foundedOn: '2024-01-01',
  intro: '联合攻关数控加工难题',
  leadTermMonths: 12,
  studioIds: [s1.id, s2.id],
  partners: [{ name: '某职业技术学院', kind: 'university' }],
  ...extra,
});

describe('alliances (创新联盟)', () => {
  it('forms an alliance with a first lead and partners; checks scope and members', async () => {
    expect((await r.post(leader, '/api/alliances', alliance())).statusCode).toBe(403);
    expect((await r.post(null, '/api/alliances', alliance())).statusCode).toBe(401);
    expect((await r.post(entB, '/api/alliances', alliance())).statusCode).toBe(404);
    const outside = await r.post(entA, '/api/alliances', alliance({ studioIds: [s1.id, sB.id] }));
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.details.fields['studioIds.1']).toMatch(/不在该联盟所属组织之下/);
    const bad = await r.post(entA, '/api/alliances', alliance({ studioIds: [s1.id], name: '' }));
    expect(Object.keys(bad.json().error.details.fields).sort()).toEqual(['name', 'studioIds']);
    const res = await r.post(entA, '/api/alliances', alliance());
    expect(res.statusCode, res.body).toBe(201);
    const a = res.json();
    expect(a).toMatchObject({
      lead: { id: s1.id },
      leadSince: '2024-01-01',
      nextRotationOn: '2025-01-01',
      studioCount: 2,
      partnerCount: 1,
    });
    expect(a.members.find((m: any) => m.partnerName)).toMatchObject({
      partnerName: '某职业技术学院',
      partnerKind: 'university',
    });
    expect((await auditOf(t, admin, 'alliance', a.id))[0]!.action).toBe('alliances.create');
    expect((await r.get(entB, `/api/alliances/${a.id}`)).json().error.code).toBe('alliances.not_found');
    expect((await r.get(member, `/api/alliances/${a.id}`)).statusCode).toBe(200);
    expect((await r.get(entB, '/api/alliances')).json().items.map((x: any) => x.id)).not.toContain(a.id);
    // A cross-enterprise alliance is formed by the group admin.
    const group = await r.post(
      admin,
      '/api/alliances',
      alliance({ name: '集团焊接联盟', orgId: w.orgs.root.id, studioIds: [s2.id, sB.id], partners: [] }),
    );
    expect(group.statusCode, group.body).toBe(201);
    expect((await r.get(entB, `/api/alliances/${group.json().id}`)).statusCode).toBe(200);
  });

  it('rotates the lead in turn; the lead cannot leave; members and partners join and leave', async () => {
    const a = (await r.get(entA, '/api/alliances?q=数控技术')).json().items[0];
    expect(
      (
        await r.post(leader, `/api/alliances/${a.id}/rotate-lead`, {
          startsOn: '2025-01-01',
          version: a.version,
        })
      ).statusCode,
    ).toBe(403);
    const early = await r.post(entA, `/api/alliances/${a.id}/rotate-lead`, {
      startsOn: '2023-06-01',
      version: a.version,
    });
    expect(early.json().error.details.fields.startsOn).toBeDefined();
    const rotated = await r.post(entA, `/api/alliances/${a.id}/rotate-lead`, {
      startsOn: '2025-01-01',
      version: a.version,
    });
    expect(rotated.statusCode, rotated.body).toBe(200);
    expect(rotated.json().lead.id).toBe(s2.id);
    expect(rotated.json().leads).toEqual([
      { studio: { id: s1.id, name: s1.name }, startsOn: '2024-01-01', endsOn: '2025-01-01' },
      { studio: { id: s2.id, name: s2.name }, startsOn: '2025-01-01', endsOn: null },
    ]);
    expect(
      (
        await r.post(entA, `/api/alliances/${a.id}/rotate-lead`, {
          startsOn: '2025-02-01',
          version: a.version,
        })
      ).statusCode,
    ).toBe(409);
    const leadMember = rotated.json().members.find((m: any) => m.studio?.id === s2.id);
    const leave = await r.post(entA, `/api/alliances/${a.id}/members/${leadMember.id}/leave`, {
      leftOn: '2025-03-01',
    });
    expect(leave.json().error.code).toBe('alliances.lead_cannot_leave');
    const dupe = await r.post(entA, `/api/alliances/${a.id}/members`, {
      studioId: s1.id,
      joinedOn: '2025-01-01',
    });
    expect(dupe.json().error.code).toBe('alliances.member_exists');
    const both = await r.post(entA, `/api/alliances/${a.id}/members`, {
      studioId: s1.id,
      partnerName: 'x',
      joinedOn: '2025-01-01',
    });
    expect(both.statusCode).toBe(400);
    const withPartner = await r.post(entA, `/api/alliances/${a.id}/members`, {
      partnerName: '某研究所',
      partnerKind: 'institute',
      joinedOn: '2025-02-01',
    });
    const p = withPartner.json().members.find((m: any) => m.partnerName === '某研究所');
    const left = await r.post(entA, `/api/alliances/${a.id}/members/${p.id}/leave`, { leftOn: '2025-05-01' });
    expect(left.json().members.find((m: any) => m.id === p.id).leftOn).toBe('2025-05-01');
    expect(left.json().partnerCount).toBe(1);
    const actions = (await auditOf(t, admin, 'alliance', a.id)).map((x) => x.action);
    expect(actions.slice(0, 3)).toEqual([
      'alliances.member_leave',
      'alliances.member_add',
      'alliances.rotate_lead',
    ]);
  });

  it('keeps joint projects and shared activities; exports the list with members and projects', async () => {
    const a = (await r.get(entA, '/api/alliances?q=数控技术')).json().items[0];
    // The lead is now s2 (no leader): the leader of s1 may not add projects, the admin may.
    expect(
      (
        await r.post(leader, `/api/alliances/${a.id}/projects`, {
          title: 'x',
          leadStudioId: s1.id,
          startedOn: '2025-01-01',
        })
      ).statusCode,
    ).toBe(403);
    const proj = await r.post(entA, `/api/alliances/${a.id}/projects`, {
      title: '大型轴类零件加工变形控制',
      leadStudioId: s1.id,
      studioIds: [s2.id],
      startedOn: '2025-02-01',
    });
    expect(proj.statusCode, proj.body).toBe(200);
    const pr = proj.json().projects[0];
    expect(pr).toMatchObject({
      status: 'ongoing',
      leadStudio: { id: s1.id },
      studios: [{ id: s2.id, name: s2.name }],
    });
    const outsider = await r.patch(entA, `/api/alliances/${a.id}/projects/${pr.id}`, {
      studioIds: [sB.id],
      version: pr.version,
    });
    expect(outsider.json().error.details.fields['studioIds.0']).toBeDefined();
    const done = await r.patch(entA, `/api/alliances/${a.id}/projects/${pr.id}`, {
      status: 'completed',
      endedOn: '2025-06-01',
      version: pr.version,
    });
    expect(done.json().projects[0]).toMatchObject({ status: 'completed', endedOn: '2025-06-01' });
    const act = await r.post(leader, '/api/activities', {
      studioId: s1.id,
      kind: 'exchange',
      title: '联盟技术交流会',
      heldOn: '2025-03-15',
      hours: 3,
      allianceId: a.id,
    });
    expect(act.statusCode, act.body).toBe(201);
    expect(act.json().allianceName).toBe('甲企业数控技术创新联盟');
    const notMember = await r.post(entB, '/api/activities', {
      studioId: sB.id,
      kind: 'exchange',
      title: 'x',
      heldOn: '2025-03-15',
      hours: 1,
      allianceId: a.id,
    });
    expect(notMember.json().error.details.fields.allianceId).toBe('本工作室不是该创新联盟的成员');
    const detail = (await r.get(member, `/api/alliances/${a.id}`)).json();
    expect(detail.activities.map((x: any) => x.title)).toEqual(['联盟技术交流会']);
    const sheets = await readXlsx((await r.get(entA, '/api/alliances/export?q=数控技术')).rawPayload);
    expect(sheets.创新联盟![1]).toContain('甲企业数控技术创新联盟');
    expect(sheets.联盟成员!.some((x) => x.includes('某职业技术学院') && x.includes('高校'))).toBe(true);
    expect(sheets.联合项目!.some((x) => x.includes('大型轴类零件加工变形控制') && x.includes('已完成'))).toBe(
      true,
    );
    const arch = await r.post(entA, `/api/alliances/${a.id}/archive`, { version: detail.version });
    expect(arch.json().archivedAt).not.toBeNull();
    expect((await r.get(worker, '/api/alliances')).json().items.map((x: any) => x.id)).not.toContain(a.id);
    expect(
      (await r.post(entA, `/api/alliances/${a.id}/restore`, { version: arch.json().version })).json()
        .archivedAt,
    ).toBeNull();
  });
});
