import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import { call, login, type Session, type TestApp, type World } from '../../../test/helpers.js';
import type { Clock } from '../../core/context.js';

/** Helpers shared by the studio-life integration tests (not a test file itself). */

/** A clock the test moves by hand; starts at 2025-06-10 10:00 China time. */
export function manualClock(start = '2025-06-10T02:00:00Z'): Clock & { set(iso: string): void } {
  let now = new Date(start);
  return { now: () => now, set: (iso: string) => (now = new Date(iso)) };
}

export function requests(t: TestApp) {
  const get = (s: Session | null, url: string) => call(t.app, s, { method: 'GET', url });
  const post = (s: Session | null, url: string, payload: unknown = {}) =>
    call(t.app, s, { method: 'POST', url, payload: payload as object });
  const patch = (s: Session | null, url: string, payload: unknown) =>
    call(t.app, s, { method: 'PATCH', url, payload: payload as object });
  return { get, post, patch };
}

/**
 * A studio hosted by enterprise A's workshop, led by leaderA, with memberA as a member: created through the
 * studios API by the enterprise admin.
 */
export async function studioInA(t: TestApp, w: World, entA: Session, name = '金工创新工作室') {
  const { post } = requests(t);
  const res = await post(entA, '/api/studios', {
    name: `${name}${Math.random().toString(36).slice(2, 6)}`,
    type: 'modelWorker',
    hostOrgId: w.orgs.workshopA.id,
    leaderPersonId: w.users.leaderA.personId,
    field: '数控加工',
    foundedOn: '2019-05-01',
  });
  expect(res.statusCode, res.body).toBe(201);
  const studio = res.json() as { id: number; name: string };
  const m = await post(entA, `/api/studios/${studio.id}/members`, {
    personId: w.users.memberA.personId,
    role: 'core',
    joinedOn: '2020-01-01',
  });
  expect(m.statusCode, m.body).toBe(201);
  return studio;
}

/** A studio in enterprise B (invisible to enterprise A's users). */
export async function studioInB(t: TestApp, w: World, entB: Session) {
  const res = await requests(t).post(entB, '/api/studios', {
    name: `乙装配工作室${Math.random().toString(36).slice(2, 6)}`,
    type: 'employee',
    hostOrgId: w.orgs.workshopB.id,
    foundedOn: '2021-03-01',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; name: string };
}

/** Audit records of an entity, newest first (read by the group admin). */
export async function auditOf(t: TestApp, admin: Session, entityType: string, entityId: number) {
  const res = await requests(t).get(
    admin,
    `/api/audit?entityType=${entityType}&entityId=${entityId}&pageSize=100`,
  );
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as { action: string; actorUserId: number; before: any; after: any }[];
}

/** Reads an .xlsx response back: every sheet as rows of cell texts. */
export async function readXlsx(body: Buffer | string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(
    (typeof body === 'string' ? Buffer.from(body, 'binary') : body) as unknown as ArrayBuffer,
  );
  const out: Record<string, (string | number | null)[][]> = {};
  for (const ws of wb.worksheets) {
    const rows: (string | number | null)[][] = [];
    ws.eachRow((row) => {
      const vals = (row.values as unknown[])
        .slice(1)
        .map((v) => (v === undefined || v === null ? null : typeof v === 'number' ? v : String(v)));
      rows.push(vals);
    });
    out[ws.name] = rows;
  }
  return out;
}

/** Sessions of the world's users, by role. */
export async function loginAll(t: TestApp, w: World) {
  const u = w.users;
  const [admin, entA, entB, leader, member, worker] = await Promise.all(
    [u.groupAdmin, u.entAdminA, u.entAdminB, u.leaderA, u.memberA, u.employeeA].map((x) =>
      login(t.app, x.username),
    ),
  );
  return { admin: admin!, entA: entA!, entB: entB!, leader: leader!, member: member!, worker: worker! };
}
