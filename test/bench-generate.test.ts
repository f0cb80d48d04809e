import crypto from 'node:crypto';
import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  copyLine,
  dataSets,
  hostOfStudio,
  layoutOf,
  leaderOfStudio,
  scaledSize,
  tablesOf,
  workshopOfPerson,
} from '../bench/data.js';
import { benchUsers, loadIntoPglite } from '../bench/loader.js';
import { skillGrades } from '../common/enums.js';

/** A smoke test of the benchmark data generator at a very small scale (the benchmark itself is not in npm test). */
const size = scaledSize(dataSets.group, 0.01);
const digest = (seed: number) => {
  const h = crypto.createHash('sha256');
  for (const t of tablesOf(size, seed)) for (const row of t.rows()) h.update(copyLine(row));
  return h.digest('hex');
};

let client: PGlite;
beforeAll(async () => {
  // A copy of the run's migrated snapshot when tests run on PGlite; a fresh PGlite otherwise.
  const snapshot = inject('pgliteSnapshot');
  client = snapshot
    ? await PGlite.create({ loadDataDir: new Blob([fs.readFileSync(snapshot)]), extensions: { pg_trgm } })
    : await PGlite.create({ extensions: { pg_trgm } });
});
afterAll(() => client?.close());

describe('bench data generator', () => {
  it('is deterministic by seed', () => {
    expect(digest(7)).toBe(digest(7));
    expect(digest(8)).not.toBe(digest(7));
  });

  it('puts each studio leader and member in the studio’s host workshop', () => {
    const l = layoutOf(size);
    for (let s = 1; s <= size.studios; s++)
      expect(workshopOfPerson(l, leaderOfStudio(l, s))).toBe(hostOfStudio(l, s));
  });

  it('escapes COPY text', () => {
    expect(copyLine([1, null, 'a\tb\\c\nd', true])).toBe('1\t\\N\ta\\tb\\\\c\\nd\ttrue\n');
  });

  it('loads every table through COPY, with the bench logins', async () => {
    await loadIntoPglite({ client, size, seed: 1 });
    const count = async (t: string) =>
      Number((await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t}`)).rows[0]!.n);
    expect(await count('orgs')).toBe(layoutOf(size).orgCount);
    expect(await count('studios')).toBe(size.studios);
    expect(await count('people')).toBe(size.people);
    expect(await count('results')).toBe(size.results);
    expect(await count('ideas')).toBe(size.ideas);
    expect(await count('activities')).toBe(size.activities);
    expect(await count('users')).toBe(benchUsers(size).length);
    // Foreign keys hold although the copy skipped their triggers: no studio points at a missing org or leader.
    const orphans = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM studios s LEFT JOIN orgs o ON o.id = s.host_org_id LEFT JOIN people p ON p.id = s.leader_person_id
       WHERE o.id IS NULL OR p.id IS NULL`,
    );
    expect(orphans.rows[0]!.n).toBe(0);
    // Coded values are the app's own codes (the API's response schemas refuse anything else).
    const grades = await client.query<{ g: string }>('SELECT DISTINCT skill_grade AS g FROM people');
    expect(grades.rows.length).toBeGreaterThan(1);
    for (const { g } of grades.rows) expect(skillGrades).toContain(g);
    // Sequences continue after the copied ids.
    const next = await client.query<{ id: number }>(
      `INSERT INTO orgs (code, name, kind, path, depth) VALUES ('X', 'x', 'team', '/x/', 9) RETURNING id`,
    );
    expect(next.rows[0]!.id).toBe(layoutOf(size).orgCount + 1);
  });
});
