// Test helpers for innovation work (imported by *.int.test.ts files only): studios through the studios API,
// and valid payloads for projects, results and benefit calculations.
import { expect } from 'vitest';
import { call, type Session, type TestApp, type World } from '../../../test/helpers.js';

export function kit(t: TestApp, _w: World) {
  const get = (s: Session | null, url: string) => call(t.app, s, { method: 'GET', url });
  const post = (s: Session | null, url: string, payload: unknown) =>
    call(t.app, s, { method: 'POST', url, payload: payload as object });
  const patch = (s: Session | null, url: string, payload: unknown) =>
    call(t.app, s, { method: 'PATCH', url, payload: payload as object });
  const put = (s: Session | null, url: string, payload: unknown) =>
    call(t.app, s, { method: 'PUT', url, payload: payload as object });

  /** A studio created by an admin, with the leader (and optionally members) on its roll. */
  async function studio(
    admin: Session,
    o: {
      hostOrgId: number;
      leaderPersonId?: number | null;
      memberPersonIds?: number[];
      name?: string;
      field?: string;
    },
  ) {
    const res = await post(admin, '/api/studios', {
      name: o.name ?? `创新工作室${Math.random().toString(36).slice(2, 7)}`,
      type: 'modelWorker',
      hostOrgId: o.hostOrgId,
      leaderPersonId: o.leaderPersonId ?? null,
      field: o.field ?? '机械加工',
      foundedOn: '2019-05-01',
    });
    expect(res.statusCode, res.body).toBe(201);
    const s = res.json() as { id: number; name: string };
    for (const personId of o.memberPersonIds ?? []) {
      const m = await post(admin, `/api/studios/${s.id}/members`, {
        personId,
        role: 'member',
        joinedOn: '2020-01-01',
      });
      expect(m.statusCode, m.body).toBe(201);
    }
    return s;
  }

  const projectBody = (studioId: number, leaderPersonId: number, o: Record<string, unknown> = {}) => ({
    studioId,
    title: '大型铸件冒口切割工装改进',
    source: 'enterprise',
    leaderPersonId,
    goal: '改进大型铸钢件冒口气割工装，缩短切割时间，减少切割变形和返修。',
    content: '设计可调式冒口切割导轨，配套割炬夹持机构，实现冒口根部定位切割。',
    plannedStart: '2025-03-01',
    plannedEnd: '2025-12-31',
    budgetFen: 8_000_000,
    milestones: [
      { title: '方案设计与评审', dueOn: '2025-04-30' },
      { title: '工装制作与试切', dueOn: '2025-08-31' },
    ],
    ...o,
  });

  const resultBody = (
    studioId: number,
    contributors: { personId: number; share: number; role?: string }[],
    o: Record<string, unknown> = {},
  ) => ({
    studioId,
    kind: 'technicalImprovement',
    title: '大型铸件冒口可调式切割导轨',
    problem: '大型铸钢件冒口人工气割效率低、切口不齐，后续打磨量大。',
    principle: '导轨沿冒口根部定位，割炬匀速行走。',
    innovationPoints: '可调式定位夹具；割炬速度稳定。',
    implementedOn: '2025-09-01',
    contributors,
    ...o,
  });

  const benefitBody = (o: Record<string, unknown> = {}) => ({
    periodFrom: '2025-09-01',
    periodTo: '2026-08-31',
    beforeValueFen: -1_200_000,
    afterValueFen: -800_000,
    periodCount: 12,
    periodUnit: 'month',
    implementationCostFen: 650_000,
    basis: '每月打磨及返修费用由 1.2 万元降至 0.8 万元，按 12 个月计，扣除工装制作费用 6,500 元。',
    ...o,
  });

  /** Audit records of one entity, newest first. */
  const audit = async (admin: Session, entityType: string, entityId: number) =>
    (await get(admin, `/api/audit?entityType=${entityType}&entityId=${entityId}&pageSize=100`)).json()
      .items as {
      action: string;
      actorUserId: number;
      before: any;
      after: any;
    }[];

  return { get, post, patch, put, studio, projectBody, resultBody, benefitBody, audit };
}
