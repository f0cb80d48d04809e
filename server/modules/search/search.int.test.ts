import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SearchResult, searchCap, searchTypes } from '../../../common/schemas/search.js';
import {
  call,
  createTestApp,
  createWorld,
  login,
  type Session,
  type TestApp,
  type World,
} from '../../../test/helpers.js';
import { loadActor } from '../../core/auth.js';
import type { Ctx } from '../../core/context.js';
import { seedInsight } from '../stats/insight.test-support.js';
import { rowsOf } from '../stats/stats.sql.js';
import { matchOf, search as searchService } from './search.service.js';
import { queryWords } from './search.words.js';

let t: TestApp;
let w: World;
let s: Record<'group' | 'entA' | 'entB' | 'employee', Session>;

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorld(t.database);
  await seedInsight(t.database.db, w, 2025);
  s = {
    group: await login(t.app, w.users.groupAdmin.username),
    entA: await login(t.app, w.users.entAdminA.username),
    entB: await login(t.app, w.users.entAdminB.username),
    employee: await login(t.app, w.users.employeeA.username),
  };
});
afterAll(() => t.close());

const search = async (session: Session, q: string, extra = '') => {
  const res = await call(t.app, session, {
    method: 'GET',
    url: `/api/search?q=${encodeURIComponent(q)}${extra}`,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as SearchResult;
};
const group = (r: SearchResult, type: string) => r.groups.find((g) => g.type === type);

describe('GET /api/search', () => {
  it('finds the studio and the results for a two-character word, grouped by type', async () => {
    const r = await search(s.entA, '刀具');
    expect(r.words).toEqual(['刀具']);
    expect(group(r, 'studios')!.items.map((i) => i.title)).toEqual([`数控刀具劳模创新工作室${w.tag}`]);
    expect(group(r, 'studios')!.items[0]!.link).toMatch(/^\/studios\/\d+$/);
    // Enterprise A's four live results; B's and the archived one are not A's to see.
    expect(group(r, 'results')!.total).toBe(4);
    expect(group(r, 'results')!.items.every((i) => i.title.includes('刀具'))).toBe(true);
  });

  it('scopes every type to what the user may see', async () => {
    expect(group(await search(s.group, '刀具'), 'results')!.total).toBe(7);
    const b = await search(s.entB, '刀具');
    expect(group(b, 'studios')).toBeUndefined();
    expect(group(b, 'results')!.total).toBe(3);
    // An employee sees the studios and results of their workshop, but no people and no one else's ideas.
    const e = await search(s.employee, '刀具');
    expect(group(e, 'results')!.total).toBe(4);
    expect(group(await search(s.employee, '张钳工'), 'people')).toBeUndefined();
    expect(group(await search(s.employee, '夹具'), 'ideas')).toBeUndefined();
    expect(group(await search(s.entA, '夹具'), 'ideas')!.total).toBe(2);
    expect(group(await search(s.group, '夹具'), 'ideas')!.total).toBe(4);
  });

  it('segments a longer query into words and matches names fuzzily', async () => {
    const r = await search(s.entA, '焊接 工匠');
    expect(r.words).toEqual(['焊接', '工匠']);
    expect(group(r, 'studios')!.items.map((i) => i.title)).toEqual([`焊接工匠工作室${w.tag}`]);
    const exact = await search(s.entA, '张钳工');
    expect(group(exact, 'people')!.items[0]!.title).toBe('张钳工');
    const typo = await search(s.entA, '张钳公');
    expect(group(typo, 'people')!.items.map((i) => i.title)).toContain('张钳工');
    const one = await search(s.entA, '刀具', '&type=results&limit=2');
    expect(one.groups.map((g) => g.type)).toEqual(['results']);
    expect(one.groups[0]!.items).toHaveLength(2);
    expect(one.groups[0]!.more).toBe(`/results?q=${encodeURIComponent('刀具')}`);
  });

  it('refuses anonymous (401) and empty or unknown input (400)', async () => {
    expect((await call(t.app, null, { method: 'GET', url: '/api/search?q=a' })).statusCode).toBe(401);
    const bad = await call(t.app, s.entA, { method: 'GET', url: '/api/search?q=%20&type=nope' });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.details.fields).sort()).toEqual(['q', 'type']);
  });

  it('finds a surname and a mistyped three-character name', async () => {
    const one = await search(s.entA, '张');
    expect(group(one, 'people')!.items.map((i) => i.title)).toContain('张钳工');
    const typo = await search(s.entA, '李钳工');
    expect(group(typo, 'people')!.items.map((i) => i.title)).toContain('张钳工');
    expect(group(await search(s.entA, '赵王孙'), 'people')).toBeUndefined();
  });

  // The tables here are tiny, so PostgreSQL would scan them anyway; with scans priced out, a plan that still
  // reads the table means the match no longer repeats the index's expression (jx_grams over the same columns).
  it('matches every type through its character-pair index, for one- to four-character Chinese queries', async () => {
    await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL enable_seqscan = off`);
      for (const type of searchTypes)
        for (const q of ['刀', '刀具', '刀具寿命', '焊接 工匠']) {
          const match = matchOf(q, queryWords(q), type, 'x');
          const plan = (
            await rowsOf<Record<string, string>>(
              tx,
              sql`EXPLAIN SELECT 1 FROM ${sql.raw(type)} x WHERE ${match}`,
            )
          )
            .map((r) => Object.values(r)[0])
            .join('\n');
          expect(plan, plan).toContain(`${type}_grams`);
          expect(plan, plan).not.toContain('Seq Scan');
          // The index expression is not recomputed row by row.
          expect(plan.split('\n').filter((l) => l.includes('Filter:') && l.includes('jx_grams'))).toEqual([]);
        }
    });
  });

  it('counts a common word up to the cap (shown as 1000+), within the reader’s scope', async () => {
    const word = `稀有词${w.tag}`;
    await t.database.db.execute(
      sql`INSERT INTO ideas (code, org_id, category, title, content)
          SELECT ${`CAP-${w.tag}-`} || n, ${w.orgs.entB.id}, 'quality', ${`关于${word}的建议`} || n, '内容'
          FROM generate_series(1, ${searchCap + 5}) n`,
    );
    await t.database.db.execute(
      sql`INSERT INTO ideas (code, org_id, category, title, content) VALUES (${`CAP-${w.tag}-X`}, ${w.orgs.entB.id}, 'quality', ${word}, '内容')`,
    );
    const r = await search(s.group, word, '&type=ideas&limit=3');
    const g = group(r, 'ideas')!;
    expect([g.total, g.capped]).toEqual([searchCap, true]);
    expect(g.items).toHaveLength(3);
    // An enterprise that sees none of them finds none.
    expect(group(await search(s.entA, word), 'ideas')).toBeUndefined();
    const few = group(await search(s.group, '夹具', '&type=ideas'), 'ideas')!;
    expect([few.total, few.capped]).toEqual([4, false]);
  });

  it('finds the same through the text index (wide scope) as through the scope’s indexes (narrow scope)', async () => {
    // A studio of enterprise B whose results employee A sees only as its member.
    await t.database.db.execute(
      sql`INSERT INTO studio_members (studio_id, person_id, role, joined_on)
          SELECT r.studio_id, ${w.users.employeeA.personId}, 'member', '2025-01-01' FROM results r
          JOIN studios s ON s.id = r.studio_id JOIN orgs o ON o.id = s.host_org_id
          WHERE o.path LIKE (SELECT path FROM orgs WHERE id = ${w.orgs.entB.id}) || '%' AND r.title LIKE '%刀具%'
            AND r.archived_at IS NULL
          LIMIT 1`,
    );
    const asMember = group(await search(s.employee, '刀具', '&type=results'), 'results')!;
    expect(asMember.total).toBeGreaterThan(4); // the four of their workshop, and the studio's
    const { groupAdmin, entAdminA, employeeA, memberA, leaderA, expertB } = w.users;
    for (const u of [groupAdmin, entAdminA, employeeA, memberA, leaderA, expertB]) {
      const ctx = {
        db: t.database.db,
        actor: await loadActor(t.database, u.id),
        lang: 'zh',
        ip: null,
      } as unknown as Ctx;
      for (const q of ['刀具', '夹具', '张钳工', '张钳公', '焊接 工匠', '张']) {
        const wide = await searchService({ ctx, q, limit: 20, narrowUpTo: 0 });
        const narrow = await searchService({ ctx, q, limit: 20 });
        expect(narrow, `${u.username} ${q}`).toEqual(wide);
      }
    }
  });
});
