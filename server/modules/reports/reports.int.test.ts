import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../../../common/schemas/jobs.js';
import type { StatsOverview } from '../../../common/schemas/stats.js';
import {
  call,
  createTestApp,
  createWorld,
  login,
  type Session,
  type TestApp,
  type World,
} from '../../../test/helpers.js';
import { seedInsight } from '../stats/insight.test-support.js';

let t: TestApp;
let w: World;
let s: Record<'group' | 'entA' | 'leader', Session>;
let o: StatsOverview;

beforeAll(async () => {
  t = await createTestApp({ clock: { now: () => new Date('2026-03-01T02:00:00Z') } });
  w = await createWorld(t.database);
  await seedInsight(t.database.db, w, 2025);
  s = {
    group: await login(t.app, w.users.groupAdmin.username),
    entA: await login(t.app, w.users.entAdminA.username),
    leader: await login(t.app, w.users.leaderA.username),
  };
  o = (
    await call(t.app, s.group, {
      method: 'GET',
      url: `/api/stats/overview?orgId=${w.orgs.root.id}&year=2025`,
    })
  ).json();
});
afterAll(() => t.close());

const fig = (key: string) => o.figures.find((f) => f.key === key)!.value;

/** The text of a .docx: word/document.xml with the tags taken out. */
async function docxText(buf: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(buf);
  const xml = await zip.file('word/document.xml')!.async('string');
  return xml.replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '');
}

function pdfText(buf: Buffer): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jx-pdf-')), 'r.pdf');
  fs.writeFileSync(file, buf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8').replace(/\s+/g, '');
}

describe('annual report', () => {
  it('writes a .docx whose numbers equal the dashboard’s', async () => {
    const res = await call(t.app, s.group, {
      method: 'GET',
      url: `/api/reports/annual?orgId=${w.orgs.root.id}&year=2025`,
    });
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain(
      '2025年度创新工作室工作报告.docx',
    );
    const text = await docxText(res.rawPayload);
    const built = fig('studios.named') + fig('studios.rectifying');
    expect(built).toBe(2);
    const names = o.namedStudios.map((x) => x.name).join('、');
    expect(text).toContain(`已经建设成形劳模创新工作室等各类创新工作室${built}个（${names}）`);
    expect(text).toContain(`正在培育建设${fig('studios.cultivating')}个（${o.cultivatingStudios[0]!.name}）`);
    expect(text).toContain(
      `立项攻关课题${fig('projects.approvedInYear')}项，认定创新成果${fig('results.recognised')}项`,
    );
    expect(text).toContain(
      `申报专利${fig('patents.total')}项，其中发明专利${fig('patents.invention')}项，实用新型专利${fig('patents.utilityModel')}项`,
    );
    expect(text).toContain('申报专利3项，其中发明专利1项，实用新型专利2项');
    expect(text).toContain(`经核定创造经济效益${(fig('benefit.verified') / 1_000_000).toFixed(1)}万元`);
    expect(text).toContain(`培训职工${fig('training.people')}人`);
    // Highlights, a table and the problems (studios at risk on 2026-03-01, trades without a studio).
    expect(text).toContain('二、工作亮点');
    expect(text).toContain('认定成果（按类别）');
    expect(text).toContain('四、存在的问题');
    expect(text).toMatch(/\d+个工作室连续12个月无成果、活动或效益记录/);
    expect(text).toContain('个工种尚无工作室覆盖：电工、铣工');
  });

  it('writes the PDF rendition with a CJK font (text extractable)', async () => {
    const res = await call(t.app, s.group, {
      method: 'GET',
      url: `/api/reports/annual?orgId=${w.orgs.root.id}&year=2025&format=pdf`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    const text = pdfText(res.rawPayload);
    expect(text).toContain(`认定创新成果${fig('results.recognised')}项`);
    expect(text).toContain('其中发明专利1项，实用新型专利2项');
  });

  it('generates the report as a job and keeps the file for download', async () => {
    const res = await call(t.app, s.entA, {
      method: 'POST',
      url: '/api/reports/annual/jobs',
      payload: { orgId: w.orgs.entA.id, year: 2025 },
    });
    expect(res.statusCode, res.body).toBe(202);
    let j = res.json() as Job;
    for (let i = 0; i < 100 && (j.status === 'queued' || j.status === 'running'); i++) {
      await new Promise((r) => setTimeout(r, 100));
      j = (await call(t.app, s.entA, { method: 'GET', url: `/api/jobs/${j.id}` })).json();
    }
    expect(j.status, j.error ?? '').toBe('done');
    expect(j.done).toBe(3);
    const file = await call(t.app, s.entA, { method: 'GET', url: j.fileUrl! });
    const text = await docxText(file.rawPayload);
    expect(text).toContain('甲企业2025年度创新工作室工作报告');
    expect(text).toContain('已经建设成形劳模创新工作室等各类创新工作室1个');
  });

  it('refuses anonymous (401), other roles (403), other orgs (404) and bad input (400)', async () => {
    const url = `/api/reports/annual?orgId=${w.orgs.entB.id}&year=2025`;
    expect((await call(t.app, null, { method: 'GET', url })).statusCode).toBe(401);
    expect((await call(t.app, s.leader, { method: 'GET', url })).statusCode).toBe(403);
    expect((await call(t.app, s.entA, { method: 'GET', url })).statusCode).toBe(404);
    const jobRes = await call(t.app, s.entA, {
      method: 'POST',
      url: '/api/reports/annual/jobs',
      payload: { orgId: w.orgs.entB.id, year: 2025 },
    });
    expect(jobRes.statusCode).toBe(404);
    const bad = await call(t.app, s.group, {
      method: 'GET',
      url: `/api/reports/annual?orgId=${w.orgs.root.id}&format=xls`,
    });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.details.fields).sort()).toEqual(['format', 'year']);
  });
});

describe('upward forms', () => {
  const sheet = async (buf: Buffer) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    return wb.worksheets[0]!;
  };

  it('fills the provincial studio form: three years of funds by source, patents by type, trainees by grade, honours', async () => {
    const res = await call(t.app, s.group, {
      method: 'GET',
      url: `/api/reports/forms/provincial?orgId=${w.orgs.root.id}&year=2025`,
    });
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    const ws = await sheet(res.rawPayload);
    expect(String(ws.getCell(1, 1).value)).toContain('创新工作室信息表（2023—2025年）');
    expect(ws.getCell(2, 16).value).toBe('2025年经费（元）');
    expect(ws.getCell(3, 16).value).toBe('工会补助');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    // Data rows: the three active studios, in code order SA1, SA2, SB1.
    const row = (n: number) => (ws.getRow(n).values as unknown[]).slice(1);
    const a1 = row(4);
    const b1 = row(6);
    expect(ws.actualRowCount).toBe(6);
    expect(a1[5]).toBe('劳动模范（省部级，2019）');
    expect(a1.slice(15, 18)).toEqual([50_000, 30_000, 0]);
    expect(b1.slice(12, 15)).toEqual([0, 0, 20_000]);
    expect(a1.slice(18, 21)).toEqual([1, 0, 0]);
    expect(b1.slice(18, 21)).toEqual([0, 1, 0]);
    // Trainees of A1 (a junior and a technician) and of B1 (an intermediate worker who attended).
    expect(a1.slice(21, 27)).toEqual([1, 0, 0, 1, 0, 0]);
    expect(b1.slice(21, 27)).toEqual([0, 1, 0, 0, 0, 0]);
    expect(String(a1[27])).toContain('张钳工：劳动模范');
  });

  it('fills the 五小 summary with a total row', async () => {
    const res = await call(t.app, s.group, {
      method: 'GET',
      url: `/api/reports/forms/fiveSmall?orgId=${w.orgs.root.id}&year=2025`,
    });
    expect(res.statusCode).toBe(200);
    const ws = await sheet(res.rawPayload);
    expect(ws.actualRowCount).toBe(5);
    expect(ws.getCell(4, 7).value).toBe('已认定');
    expect(ws.getCell(5, 1).value).toBe('合计');
    expect(ws.getCell(5, 2).value).toBe('1 项');
  });

  it('refuses other orgs (404), other roles (403) and unknown forms (400)', async () => {
    expect(
      (
        await call(t.app, s.entA, {
          method: 'GET',
          url: `/api/reports/forms/provincial?orgId=${w.orgs.entB.id}&year=2025`,
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await call(t.app, s.leader, {
          method: 'GET',
          url: `/api/reports/forms/provincial?orgId=${w.orgs.entA.id}&year=2025`,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await call(t.app, s.group, {
          method: 'GET',
          url: `/api/reports/forms/other?orgId=${w.orgs.root.id}&year=2025`,
        })
      ).statusCode,
    ).toBe(400);
  });
});
