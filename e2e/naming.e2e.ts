import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Database, openDatabase } from '../server/core/db.js';
import { migrate } from '../server/core/migrate.js';
import { seedDemo } from '../server/db/seed/demo.js';
import { loginAs, screenshot, useBrowser } from './browser.js';

// Issue 3 as new users try it in the browser: the leader applies, the enterprise admin passes the first
// review, the group admin sends it to three experts (one from the studio's own enterprise is refused),
// they score, 公示 passes with an objection resolved, the studio is named and its certificate PDF downloads
// with the right Chinese text. The 公示 window has to end before naming, so this spec runs its own server
// (the demo group on a fresh embedded database) whose clock it can move a week on, as the calendar would.
let app: FastifyInstance;
let database: Database;
let baseUrl = '';
let shiftDays = 0;
const clock = { now: () => new Date(Date.now() + shiftDays * 86_400_000) };

beforeAll(async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jx-e2e-naming-'));
  database = await openDatabase({ dataDir });
  await migrate(database);
  await seedDemo(database.db);
  // Serve this run's web build (app.ts reads WEB_DIST when it loads, hence the late import).
  process.env.WEB_DIST = inject('webDist');
  const { buildApp } = await import('../server/app.js');
  // Every browser here logs in from 127.0.0.1: the per-address login limit is for real clients.
  app = await buildApp({ database, clock, config: { dataDir, seedDemo: false, loginLimitPerAddress: 1000 } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}, 300_000);
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const chinaDay = (offset = 0) =>
  new Date(clock.now().getTime() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);

async function relogin(p: Page, username: string) {
  await p.context().clearCookies();
  await loginAs(p, username);
}

/** Clicks a workflow button on the application page and confirms its dialog, with an opinion when asked. */
async function act(p: Page, button: RegExp, opinion?: string) {
  await p.getByRole('button', { name: button }).click();
  const dialog = p.getByRole('dialog');
  if (opinion) await dialog.locator('textarea').first().fill(opinion);
  await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
  await dialog.waitFor({ state: 'hidden', timeout: 20_000 });
}

const stateIs = (p: Page, state: string) =>
  p
    .locator('.ant-tag', { hasText: new RegExp(`^${state}$`) })
    .first()
    .waitFor({ timeout: 20_000 });

describe('golden path: a studio is named', () => {
  const b = useBrowser({ baseUrl: () => baseUrl });

  it('goes from the leader’s application to the certificate', { timeout: 400_000 }, async () => {
    const p = b.page;

    // 1. The leader applies through the wizard: the condition check passes before materials are written.
    await loginAs(p, 'leader');
    await p.goto('/applications/new');
    let level = '';
    for (const candidate of ['集团级', '企业级', '市级', '省级', '省级示范', '全国级']) {
      await p.locator('label.ant-radio-button-wrapper', { hasText: new RegExp(`^${candidate}$`) }).click();
      await p.getByRole('button', { name: /下一步/ }).click();
      const verdict = p.locator('.ant-alert').first();
      await verdict.waitFor({ timeout: 20_000 });
      if ((await verdict.textContent())?.includes('条件核查通过')) {
        level = candidate;
        break;
      }
      await screenshot(p, `naming-0-conditions-${candidate}`);
      await p.getByRole('button', { name: /上一步/ }).click();
    }
    expect(level).not.toBe('');
    await screenshot(p, 'naming-1-condition-check');
    await p.getByRole('button', { name: /下一步/ }).click();
    await p.getByLabel('工作室简介').fill('工作室围绕数控加工开展技术攻关和带徒传艺，近三年成果显著。');
    await p.getByLabel('主要成效与成果').fill('刀具寿命提升 30%，获实用新型专利 2 项。');
    await p.getByRole('button', { name: /保存并下一步/ }).click();
    await p.getByRole('button', { name: /^提交申报$/ }).click();
    await p
      .getByRole('dialog')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await p.waitForURL(/\/applications\/\d+$/);
    const appUrl = new URL(p.url()).pathname;
    await stateIs(p, '基层初审');

    // 2. The enterprise admin passes the first review; 3. the group admin passes the upper review.
    await relogin(p, 'ent_admin');
    await p.goto(appUrl);
    await act(p, /^审核通过$/, '材料齐全，同意推荐。');
    await stateIs(p, '上级审核');
    await relogin(p, 'admin');
    await p.goto(appUrl);
    await act(p, /^审核通过$/, '同意进入专家评审。');
    await stateIs(p, '专家评审');

    // 4. Experts: one from the studio's own enterprise (吴国庆, 重型机械) is refused; three others are assigned.
    await p.getByRole('tab', { name: '专家评审' }).click();
    const assign = async (names: string[]) => {
      await p.getByRole('button', { name: /分配专家/ }).click();
      const dialog = p.getByRole('dialog');
      const select = dialog.locator('.ant-select').first();
      await select.click();
      for (const n of names) await p.locator('.ant-select-item-option', { hasText: n }).first().click();
      await dialog.locator('.ant-modal-title').click();
      await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
      return dialog;
    };
    const refused = await assign(['吴国庆']);
    await expect(
      p
        .getByText(/回避|同一企业|本企业/)
        .first()
        .waitFor({ timeout: 20_000 })
        .then(() => true),
    ).resolves.toBe(true);
    await screenshot(p, 'naming-2-conflict-refused');
    await refused.getByRole('button', { name: /取\s*消|Cancel/ }).click();
    await assign(['孙立军', '黄文华']);
    await p.getByRole('dialog').waitFor({ state: 'hidden', timeout: 20_000 });
    // The third expert: the demo `expert` (from 铸锻公司).
    await p.getByRole('button', { name: /分配专家/ }).click();
    const dialog = p.getByRole('dialog');
    await dialog.locator('.ant-select').first().click();
    const options = p.locator('.ant-select-item-option:not(.ant-select-item-option-disabled)');
    await options.filter({ hasNotText: '吴国庆' }).first().click();
    await dialog.locator('.ant-modal-title').click();
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    await dialog.waitFor({ state: 'hidden', timeout: 20_000 });
    const rows = p.locator('tr.ant-table-row:visible');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(3);
    await screenshot(p, 'naming-3-experts');

    // 5. Each expert scores independently from the review to-do list.
    const expertNames = (await rows.locator('td:first-child').allTextContents()).map((s) => s.trim());
    const accounts: Record<string, string> = { 孙立军: 'expert2', 黄文华: 'expert3' };
    const logins = expertNames.map((n) => accounts[n] ?? 'expert');
    expect(new Set(logins).size).toBe(3);
    for (const [i, username] of logins.entries()) {
      await relogin(p, username);
      // This application is on the expert's review list (other demo applications may wait for them too).
      await p.goto('/reviews');
      await p.getByText('张卫东劳模创新工作室').first().waitFor({ timeout: 20_000 });
      await p.goto(`/reviews${appUrl}`);
      // The sheet's indicators are required (the first table); the bonus items are left empty.
      const inputs = p.locator('.ant-table', { hasText: '评分指标' }).getByRole('spinbutton');
      await inputs.first().waitFor({ timeout: 20_000 });
      const n = await inputs.count();
      expect(n).toBeGreaterThanOrEqual(5);
      for (let k = 0; k < n; k++) await inputs.nth(k).fill(String(10 + i));
      await p.getByRole('button', { name: /提交评分/ }).click();
      const answer = p.waitForResponse(
        (r) => r.url().endsWith('/my-score') && r.request().method() === 'PUT',
        { timeout: 20_000 },
      );
      await p
        .getByRole('dialog')
        .getByRole('button', { name: /确\s*定|OK/ })
        .click();
      const res = await answer;
      expect(`${res.status()} ${res.ok() ? '' : await res.text()}`).toBe('200 ');
      await p.locator('.ant-tag', { hasText: '已提交' }).first().waitFor({ timeout: 20_000 });
      if (i === 0) await screenshot(p, 'naming-4-score-sheet');
    }

    // 6. The group admin closes the review, records the site visit and opens a 7-day 公示.
    await relogin(p, 'admin');
    await p.goto(appUrl);
    await act(p, /^结束专家评审$/);
    await stateIs(p, '实地考察');
    await p.getByRole('button', { name: /^考察通过并公示$/ }).click();
    const site = p.getByRole('dialog');
    await site.locator('textarea').first().fill('现场查看台账和成果实物，与材料一致。');
    await site.locator('.ant-picker-range input').first().fill(chinaDay(0));
    await site.locator('.ant-picker-range input').nth(1).fill(chinaDay(6));
    await site.locator('.ant-picker-range input').nth(1).press('Enter');
    await site.locator('.ant-modal-title').click(); // closes the date panel if it is still open
    await site.getByRole('button', { name: /确\s*定|OK/ }).click();
    await site.waitFor({ state: 'hidden', timeout: 20_000 });
    await stateIs(p, '公示');

    // 7. A worker of the group files an objection on the publicity board; the admin resolves it.
    await relogin(p, 'worker');
    await p.goto('/publicity');
    await p
      .getByRole('button', { name: /提出异议/ })
      .first()
      .click();
    await p.getByRole('dialog').locator('textarea').fill('该工作室 2023 年的一项成果署名有争议，请核实。');
    await p
      .getByRole('dialog')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await p.getByRole('dialog').waitFor({ state: 'hidden', timeout: 20_000 });
    await relogin(p, 'admin');
    await p.goto(appUrl);
    await p.getByRole('tab', { name: /公示与异议/ }).click();
    await expect(p.getByRole('button', { name: /^命名授牌$/ }).count()).resolves.toBe(0);
    await p
      .getByRole('button', { name: /^处\s*理$/ })
      .first()
      .click();
    await p.getByRole('dialog').locator('textarea').fill('经核实，署名符合规定，异议不成立。');
    await p
      .getByRole('dialog')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await p.getByRole('dialog').waitFor({ state: 'hidden', timeout: 20_000 });
    await screenshot(p, 'naming-5-objection-resolved');

    // 8. A week later the window is over: the admin names the studio and downloads its certificate.
    shiftDays = 8;
    await relogin(p, 'admin');
    await p.goto(appUrl);
    await p.getByRole('button', { name: /^命名授牌$/ }).click();
    const naming = p.getByRole('dialog');
    const body = naming.getByLabel('命名单位');
    if ((await body.count()) > 0 && !(await body.inputValue())) await body.fill('省总工会');
    const namedOn = naming.locator('.ant-picker input').first();
    if (!(await namedOn.inputValue())) {
      await namedOn.fill(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10));
      await namedOn.press('Enter');
    }
    await naming.getByRole('button', { name: /确\s*定|OK/ }).click();
    await naming.waitFor({ state: 'hidden', timeout: 20_000 });
    await stateIs(p, '已命名');
    await screenshot(p, 'naming-6-named');
    const [download] = await Promise.all([
      p.waitForEvent('download'),
      p.getByRole('button', { name: /下载证书/ }).click(),
    ]);
    const pdf = path.join(os.tmpdir(), `jx-certificate-${Date.now()}.pdf`);
    await download.saveAs(pdf);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString().replace(/\s+/g, '');
    expect(text).toContain('张卫东劳模创新工作室');
    expect(text).toContain(level);
    expect(text).toMatch(/JX-\d{4}-[A-Z]+-\d{4}/);
    expect(b.errors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
  });
});
