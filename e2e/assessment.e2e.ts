import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loginAs, screenshot, useBrowser } from './browser.js';

// Issue 3's "done when", assessment part, in the browser: the group admin opens last year's campaign, the
// leader finds the assessment pre-filled from the studio's own records (the numbers equal the records),
// scores it and submits, the enterprise admin passes it, an expert from another enterprise scores it, and
// the group admin's outcome is 整改 with a task, which lands in the leader's to-do list.
const year = new Date().getFullYear() - 1;
const ok = /^确\s*定$|^OK$/;

async function as(p: Page, user: string, path: string) {
  await p.context().clearCookies();
  await loginAs(p, user);
  await p.goto(path);
}

async function confirmDialog(p: Page) {
  await p.getByRole('dialog').last().getByRole('button', { name: ok }).click();
  await p.getByRole('dialog').last().waitFor({ state: 'hidden', timeout: 20_000 });
}

describe('golden path: annual assessment ends in 整改 with a task', () => {
  const b = useBrowser();

  it('opens, pre-fills, self-scores, reviews and orders rectification', async () => {
    const p = b.page;

    // The group admin opens the campaign over 重型机械 (SLHI-01).
    await as(p, 'admin', '/assessments');
    await p.getByRole('button', { name: /开启年度考核/ }).click();
    const form = p.getByRole('dialog');
    await form.locator('.ant-select').first().click();
    await p.keyboard.type('重型机械');
    await p.locator('.ant-select-tree-title', { hasText: '示例重工重型机械有限公司' }).first().click();
    await expect(form.getByLabel('考核年度').inputValue()).resolves.toBe(String(year));
    await screenshot(p, 'assessment-open-campaign');
    await form.getByRole('button', { name: ok }).click();
    await p.waitForURL(/\/assessments\/campaigns\/\d+$/, { timeout: 60_000 });
    await p.getByText('张卫东劳模创新工作室').first().waitFor();
    await screenshot(p, 'assessment-campaign-board');

    // The leader's assessment, pre-filled from the studio's own records.
    await as(p, 'leader', '/assessments');
    await p.getByRole('link', { name: '张卫东劳模创新工作室' }).first().click();
    await p.waitForURL(/\/assessments\/\d+$/);
    const id = Number(new URL(p.url()).pathname.split('/').pop());
    const detail = await (await p.request.get(`/api/assessments/${id}`)).json();
    const studio = await (await p.request.get(`/api/studios/${detail.studioId}`)).json();
    const members = detail.indicators.find((f: { key: string }) => f.key === 'members.total');
    expect(members.value).toBe(studio.memberCount);
    await expect(p.locator('[data-fact="members.total"]').textContent()).resolves.toBe(
      `${studio.memberCount} 人`,
    );
    await p.getByText(`成员名册：截至 ${year}-12-31 在册`).first().waitFor();
    await p.getByText(`成果库：${year} 年内认定的成果`).first().waitFor();
    const points: Record<string, string> = {
      基础保障: '30',
      日常管理: '13',
      技术攻关: '12',
      技术交流: '12',
      带徒传艺: '16',
    };
    for (const [name, v] of Object.entries(points)) await p.getByLabel(`${name} 得分`).first().fill(v);
    await p.getByRole('button', { name: /保存自评/ }).click();
    await p.getByText('已保存').first().waitFor();
    await screenshot(p, 'assessment-leader-prefilled');
    await p.getByRole('button', { name: /提交自评/ }).click();
    await confirmDialog(p);
    await p.getByText('企业审核').first().waitFor();

    // The enterprise admin passes the check.
    await as(p, 'ent_admin', `/assessments/${id}`);
    await p.getByRole('button', { name: /审核通过/ }).click();
    await confirmDialog(p);
    await p.getByText('专家评审').first().waitFor();

    // The group admin assigns an expert from another enterprise.
    await as(p, 'admin', `/assessments/${id}`);
    await p.getByText('分配专家').first().waitFor();
    await p.locator('.ant-select-multiple').first().click();
    await p.locator('.ant-select-item-option', { hasText: '陈志明' }).first().click();
    await p.keyboard.press('Escape');
    await p.getByRole('button', { name: /分配专家/ }).click();
    await p.getByRole('cell', { name: '陈志明' }).waitFor();

    // The expert scores it from the review to-do list.
    await as(p, 'expert', '/reviews');
    await p.getByText(`张卫东劳模创新工作室 · ${year}年度考核`).first().click();
    await p.waitForURL(new RegExp(`/assessments/${id}/review$`));
    const expertPoints: Record<string, string> = {
      基础保障: '28',
      日常管理: '12',
      技术攻关: '11',
      技术交流: '10',
      带徒传艺: '14',
    };
    for (const [name, v] of Object.entries(expertPoints)) await p.getByLabel(`${name} 得分`).first().fill(v);
    await screenshot(p, 'assessment-expert-sheet');
    await p.getByRole('button', { name: /提交评分/ }).click();
    await confirmDialog(p);
    await p.getByText('已提交').first().waitFor();

    // The group admin finishes the review (75 → 良好) and orders rectification with a task.
    await as(p, 'admin', `/assessments/${id}`);
    await p.getByRole('button', { name: /结束评审/ }).click();
    await confirmDialog(p);
    await p.getByText('待定结论').first().waitFor();
    await p.getByRole('button', { name: /作出结论/ }).click();
    const dialog = p.getByRole('dialog');
    await dialog.getByText('限期整改').click();
    await dialog.getByLabel('意见').fill('活动台账不完整，限期整改');
    await dialog.getByLabel('任务').fill('补齐全年活动台账并上传佐证');
    await screenshot(p, 'assessment-outcome-dialog');
    await dialog.getByRole('button', { name: ok }).click();
    await dialog.waitFor({ state: 'hidden', timeout: 20_000 });
    await p.getByText('整改中').first().waitFor();
    await p.getByRole('cell', { name: '补齐全年活动台账并上传佐证' }).waitFor();
    const after = await (await p.request.get(`/api/assessments/${id}`)).json();
    expect(after).toMatchObject({
      state: 'rectifying',
      studioStatus: 'rectifying',
      finalScore: 75,
      grade: '良好',
    });
    await screenshot(p, 'assessment-rectifying');

    // The leader sees the task as a to-do.
    await as(p, 'leader', '/notifications');
    await p.getByText('整改任务：张卫东劳模创新工作室 · 补齐全年活动台账并上传佐证').first().waitFor();
    await screenshot(p, 'assessment-leader-todo');
    expect(b.errors).toEqual([]);
  }, 300_000);
});
