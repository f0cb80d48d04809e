import crypto from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
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
import { ideas } from './ideas.table.js';

/** The phone's offline outbox resends an idea with the same Idempotency-Key: the server makes it once. */
let t: TestApp;
let w: World;
let worker: Session;
let member: Session;
beforeAll(async () => {
  t = await createTestApp();
  w = await createWorld(t.database);
  worker = await login(t.app, w.users.employeeA.username);
  member = await login(t.app, w.users.memberA.username);
});
afterAll(() => t.close());

const submit = (s: Session, key: string | undefined, title: string) =>
  call(t.app, s, {
    method: 'POST',
    url: '/api/ideas',
    headers: key ? { 'idempotency-key': key } : {},
    payload: { title, content: '离线时提交的建议内容，网络恢复后发送。', category: 'safety' },
  });

const countTitled = async (title: string) => {
  const [r] = await t.database.db.select({ n: count() }).from(ideas).where(eq(ideas.title, title));
  return r?.n ?? 0;
};

describe('idempotent idea submission', () => {
  it('makes one idea for a key sent twice in a row and twice at once', async () => {
    const key = crypto.randomUUID();
    const title = `离线金点子${w.tag}`;
    const first = await submit(worker, key, title);
    expect(first.statusCode, first.body).toBe(201);
    const again = await submit(worker, key, title);
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    expect(await countTitled(title)).toBe(1);

    const key2 = crypto.randomUUID();
    const title2 = `并发金点子${w.tag}`;
    const both = await Promise.all([submit(worker, key2, title2), submit(worker, key2, title2)]);
    expect(both.map((r) => r.statusCode)).toEqual([201, 201]);
    expect(both[0]!.json().id).toBe(both[1]!.json().id);
    expect(await countTitled(title2)).toBe(1);
  });

  it('keeps keys per submitter, and submissions without a key are not deduplicated', async () => {
    const key = crypto.randomUUID();
    const title = `同键不同人${w.tag}`;
    const a = await submit(worker, key, title);
    const b = await submit(member, key, title);
    expect(a.json().id).not.toBe(b.json().id);
    const [own] = await t.database.db
      .select({ n: count() })
      .from(ideas)
      .where(and(eq(ideas.clientKey, key), eq(ideas.submitterUserId, worker.userId)));
    expect(own?.n).toBe(1);
    const title2 = `无键${w.tag}`;
    await submit(worker, undefined, title2);
    await submit(worker, undefined, title2);
    expect(await countTitled(title2)).toBe(2);
  });

  it('refuses a malformed key with field details', async () => {
    const res = await submit(worker, 'not-a-uuid', `坏键${w.tag}`);
    expect(res.statusCode).toBe(400);
    expect(await countTitled(`坏键${w.tag}`)).toBe(0);
  });
});
