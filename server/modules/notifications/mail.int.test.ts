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
import { loadConfig } from '../../core/config.js';
import { createMailer } from '../../core/mailer.js';
import { setEmail, startSmtpSink } from '../ideas/engagement.fixtures.js';
import { sendDigests } from './mail.service.js';
import { notify } from './notifications.service.js';

let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let t: TestApp;
let w: World;
let s: Record<'entA' | 'member' | 'worker' | 'leader', Session>;
const emails = { entA: '', member: '', worker: '', leader: '' };

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await createTestApp({
    config: { smtpUrl: sink.url, mailFrom: '匠心平台 <noreply@jx.test>', publicUrl: 'http://jx.test' },
  });
  w = await createWorld(t.database);
  for (const k of ['entA', 'member', 'worker'] as const) {
    const u = k === 'entA' ? w.users.entAdminA : k === 'member' ? w.users.memberA : w.users.employeeA;
    emails[k] = `${u.username}@jx.test`;
    await setEmail(t.database.db, u.personId, emails[k]);
  }
  s = {
    entA: await login(t.app, w.users.entAdminA.username),
    member: await login(t.app, w.users.memberA.username),
    worker: await login(t.app, w.users.employeeA.username),
    leader: await login(t.app, w.users.leaderA.username),
  };
});
afterAll(async () => {
  await t.close();
  await sink.close();
});

const get = (who: Session | null, url: string) => call(t.app, who, { method: 'GET', url });
const put = (who: Session | null, url: string, payload: unknown) =>
  call(t.app, who, { method: 'PUT', url, payload: payload as object });
const post = (who: Session | null, url: string, payload: unknown) =>
  call(t.app, who, { method: 'POST', url, payload: payload as object });
const deps = () => ({
  db: t.database.db,
  clock: { now: () => new Date() },
  mailer: createMailer({ smtpUrl: sink.url, from: '匠心平台 <noreply@jx.test>' }),
  config: { ...loadConfig(), publicUrl: 'http://jx.test' },
});

describe('mail preferences', () => {
  it('defaults to the daily digest and lets each person choose, audited', async () => {
    expect((await get(null, '/api/notifications/prefs')).statusCode).toBe(401);
    expect((await get(s.member, '/api/notifications/prefs')).json()).toEqual({
      mailMode: 'digest',
      email: emails.member,
    });
    const bad = await put(s.member, '/api/notifications/prefs', { mailMode: 'pigeon' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields.mailMode).toBeTruthy();
    expect((await put(s.member, '/api/notifications/prefs', { mailMode: 'immediate' })).json().mailMode).toBe(
      'immediate',
    );
    expect((await put(s.leader, '/api/notifications/prefs', { mailMode: 'none' })).json()).toEqual({
      mailMode: 'none',
      email: null,
    });
  });
});

describe('mail delivery', () => {
  it('mails immediately to those who chose it, right after the request that caused it', async () => {
    const route = await post(s.entA, '/api/ideas/routes', {
      orgId: w.orgs.entA.id,
      category: 'quality',
      handlerUserId: w.users.memberA.id,
    });
    expect(route.statusCode).toBe(201);
    const idea = await post(s.worker, '/api/ideas', {
      title: '来料检验增加硬度抽检',
      content: '外购螺栓硬度不稳定，建议来料检验增加硬度抽检比例。',
      category: 'quality',
    });
    expect(idea.statusCode).toBe(201);
    const mail = await sink.waitFor((m) => m.to.includes(emails.member));
    expect(mail.subject).toBe(`【匠心】答复建议 ${idea.json().code}：来料检验增加硬度抽检`);
    expect(mail.text).toContain(`http://jx.test/ideas/${idea.json().id}`);
    expect(mail.from).toBe('noreply@jx.test');
  });

  it('sends one digest per person with their unread notifications since the last digest, and nothing twice', async () => {
    const db = t.database.db;
    await notify({
      db,
      userIds: [w.users.employeeA.id],
      kind: 'test',
      title: '您的建议已采纳：节能照明改造',
      body: '车间照明改为 LED。',
      link: '/ideas',
    });
    await notify({
      db,
      userIds: [w.users.employeeA.id],
      kind: 'test',
      title: '技术门诊新解答：焊接变形',
      link: '/clinic',
    });
    await notify({ db, userIds: [w.users.employeeA.id], kind: 'test', title: '已读的通知不进汇总' });
    const list = (await get(s.worker, '/api/notifications?unread=true')).json();
    const read = list.items.find((n: { title: string }) => n.title === '已读的通知不进汇总');
    await post(s.worker, `/api/notifications/${read.id}/read`, {});
    await notify({ db, userIds: [w.users.leaderA.id], kind: 'test', title: '不要邮件的人' });
    const before = sink.mails.length;
    const r = await sendDigests({ deps: deps() });
    expect(r.sent).toBeGreaterThanOrEqual(1);
    const digest = await sink.waitFor((m) => m.to.includes(emails.worker) && m.subject.includes('每日汇总'));
    expect(digest.to).toEqual([emails.worker]);
    expect(digest.subject).toMatch(/^【匠心】每日汇总 \d{4}-\d{2}-\d{2}：2 条未读通知$/);
    expect(digest.text).toContain('您的建议已采纳：节能照明改造');
    expect(digest.text).toContain('车间照明改为 LED。');
    expect(digest.text).toContain('技术门诊新解答：焊接变形');
    expect(digest.text).toContain('http://jx.test/clinic');
    expect(digest.text).not.toContain('已读的通知不进汇总');
    // The handler who chose immediate mail gets no digest, and the person who chose none gets nothing.
    const newMails = sink.mails.slice(before);
    expect(newMails.some((m) => m.to.includes(emails.member))).toBe(false);
    expect(newMails.filter((m) => m.to.includes(emails.worker))).toHaveLength(1);
    const toWorker = () => sink.mails.filter((m) => m.to.includes(emails.worker)).length;
    const count = toWorker();
    await sendDigests({ deps: deps() });
    await new Promise((r) => setTimeout(r, 200));
    expect(toWorker()).toBe(count);
    await notify({ db, userIds: [w.users.employeeA.id], kind: 'test', title: '第二天的新通知' });
    expect((await sendDigests({ deps: deps() })).sent).toBeGreaterThanOrEqual(1);
    const second = await sink.waitFor((m) => m.text.includes('第二天的新通知'));
    expect(second.subject).toContain('1 条未读通知');
    expect(second.text).not.toContain('节能照明改造');
  });
});

describe('to-do list', () => {
  it('shows open to-dos and closes them when the step is done', async () => {
    const queue = (await get(s.member, '/api/todos')).json();
    expect(queue.openCount).toBeGreaterThanOrEqual(1);
    const todo = queue.items.find((x: { kind: string }) => x.kind === 'idea.answer');
    const idea = (await get(s.member, `/api/ideas/${todo.entityId}`)).json();
    await post(s.member, `/api/ideas/${idea.id}/actions/reject`, {
      version: idea.version,
      answer: '已有同类检验规程，暂不采纳。',
    });
    const after = (await get(s.member, '/api/todos')).json();
    expect(after.items.some((x: { id: number }) => x.id === todo.id)).toBe(false);
    const done = (await get(s.member, '/api/todos?status=done')).json();
    expect(done.items.find((x: { id: number }) => x.id === todo.id).doneAt).toBeTruthy();
    expect((await get(null, '/api/todos')).statusCode).toBe(401);
    expect((await get(s.member, '/api/todos?status=someday')).statusCode).toBe(400);
  });
});
