import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../core/db.js';
import { people } from '../people/people.table.js';
import { results } from '../results/results.table.js';
import { studios } from '../studios/studios.table.js';
import { showcaseResults, showcaseStudios } from './showcase.table.js';

/**
 * Showcase demo data: every named demo studio is published with a short story about its leader, and its
 * recognised, non-confidential results are marked public. Unnamed studios and confidential results stay
 * private, so the demo shows both sides. Does nothing when showcase entries exist already.
 */
export async function seedShowcaseDemo(db: Db) {
  const [{ n } = { n: 0 }] = await db.select({ n: sql<number>`count(*)::int` }).from(showcaseStudios);
  if (n > 0) return;
  const named = await db
    .select({
      id: studios.id,
      name: studios.name,
      field: studios.field,
      slogan: studios.slogan,
      leader: people.name,
    })
    .from(studios)
    .leftJoin(people, eq(people.id, studios.leaderPersonId))
    .where(and(inArray(studios.status, ['named', 'rectifying']), isNull(studios.archivedAt)));
  if (!named.length) return;
  await db.insert(showcaseStudios).values(
    named.map((s) => ({
      studioId: s.id,
      published: true,
      publishedAt: new Date().toISOString(),
      version: 1,
      story: `${s.leader ?? '领衔人'}扎根一线二十余年，带领${s.name}围绕${s.field ?? '生产'}难题开展攻关。${
        s.slogan ? `“${s.slogan}”是工作室的信条。` : ''
      }工作室坚持师带徒，把绝活变成标准作业，把难题变成课题，把成果变成效益。`,
    })),
  );
  const pub = await db
    .select({ id: results.id })
    .from(results)
    .where(
      and(
        inArray(
          results.studioId,
          named.map((s) => s.id),
        ),
        eq(results.status, 'recognised'),
        eq(results.confidential, false),
        isNull(results.archivedAt),
      ),
    );
  if (pub.length)
    await db.insert(showcaseResults).values(
      pub.map((r) => ({
        resultId: r.id,
        published: true,
        publishedAt: new Date().toISOString(),
        version: 1,
      })),
    );
}
