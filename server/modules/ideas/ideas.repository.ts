import { and, asc, desc, eq, isNull, lt, ne, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { inScope } from '../../core/access.js';
import type { Db } from '../../core/db.js';
import { users } from '../accounts/accounts.table.js';
import { orgs } from '../orgs/orgs.table.js';
import { people } from '../people/people.table.js';
import { anyWordQuery, overlapScore } from './engagement.js';
import { ideaCredits, ideaRoutes, ideas } from './ideas.table.js';

export type IdeaRow = typeof ideas.$inferSelect;

const handler = alias(users, 'handler');
const merged = alias(ideas, 'merged_into');

/** Ideas joined with what the pages show: org, submitter, handler, merge target. */
export function ideasJoined(db: Db) {
  return db
    .select({
      idea: ideas,
      orgName: orgs.name,
      orgPath: orgs.path,
      submitterName: people.name,
      handlerName: handler.displayName,
      mergedIntoCode: merged.code,
    })
    .from(ideas)
    .innerJoin(orgs, eq(orgs.id, ideas.orgId))
    .leftJoin(people, eq(people.id, ideas.submitterPersonId))
    .leftJoin(handler, eq(handler.id, ideas.handlerUserId))
    .leftJoin(merged, eq(merged.id, ideas.mergedIntoId));
}
export type IdeaJoined = Awaited<ReturnType<ReturnType<typeof ideasJoined>['execute']>>[number];

export async function findIdeaJoined({ db, id }: { db: Db; id: number }): Promise<IdeaJoined | null> {
  const [row] = await ideasJoined(db).where(eq(ideas.id, id));
  return row ?? null;
}

export async function findIdeaByTracking({ db, trackingCode }: { db: Db; trackingCode: string }) {
  const [row] = await ideasJoined(db).where(eq(ideas.trackingCode, trackingCode));
  return row ?? null;
}

/** SQL: the idea credits the person (submitter or merged duplicate). */
export function creditedTo(personId: number | null): SQL {
  if (personId === null) return sql`false`;
  return sql`EXISTS (SELECT 1 FROM idea_credits c WHERE c.idea_id = ${ideas.id} AND c.person_id = ${personId})`;
}

export async function creditsOf({ db, ideaId }: { db: Db; ideaId: number }) {
  return db
    .select({ personId: ideaCredits.personId, name: people.name, kind: ideaCredits.kind })
    .from(ideaCredits)
    .innerJoin(people, eq(people.id, ideaCredits.personId))
    .where(eq(ideaCredits.ideaId, ideaId))
    .orderBy(asc(ideaCredits.createdAt), asc(ideaCredits.personId));
}

/**
 * Earlier ideas like `text` within an enterprise subtree: any shared search word, best first; the score is
 * the share of words in common (see overlapScore). Merged duplicates are left out.
 */
export async function similarIdeas({
  db,
  text,
  scopePath,
  excludeId,
  beforeId,
  limit = 5,
}: {
  db: Db;
  text: string;
  scopePath: string;
  excludeId?: number;
  beforeId?: number;
  limit?: number;
}) {
  const q = anyWordQuery(text);
  if (!q) return [];
  const rows = await db
    .select({
      id: ideas.id,
      code: ideas.code,
      title: ideas.title,
      content: ideas.content,
      status: ideas.status,
      createdAt: ideas.createdAt,
      rank: sql<number>`ts_rank(${ideas.searchText}, ${q})`,
    })
    .from(ideas)
    .innerJoin(orgs, eq(orgs.id, ideas.orgId))
    .where(
      and(
        inScope(orgs.path, [scopePath]),
        sql`${ideas.searchText} @@ ${q}`,
        ne(ideas.status, 'merged'),
        isNull(ideas.archivedAt),
        excludeId ? ne(ideas.id, excludeId) : undefined,
        beforeId ? lt(ideas.id, beforeId) : undefined,
      ),
    )
    .orderBy(desc(sql`ts_rank(${ideas.searchText}, ${q})`), desc(ideas.id))
    .limit(30);
  return rows
    .map((r) => ({
      id: r.id,
      code: r.code,
      title: r.title,
      status: r.status,
      createdAt: r.createdAt,
      score: overlapScore(text, `${r.title}\n${r.content}`),
    }))
    .filter((r) => r.score >= 0.2)
    .sort((a, b) => b.score - a.score || b.id - a.id)
    .slice(0, limit);
}

/**
 * The routing rule for an idea at `orgPath` in `category`: the deepest org with a rule wins, a rule for
 * the category before a rule for every category; rules whose handler is disabled are skipped.
 */
export async function resolveRoute({ db, orgPath, category }: { db: Db; orgPath: string; category: string }) {
  const [row] = await db
    .select({ route: ideaRoutes, orgPath: orgs.path })
    .from(ideaRoutes)
    .innerJoin(orgs, eq(orgs.id, ideaRoutes.orgId))
    .innerJoin(users, eq(users.id, ideaRoutes.handlerUserId))
    .where(
      and(
        isNull(ideaRoutes.archivedAt),
        eq(users.disabled, false),
        sql`${orgPath} LIKE ${orgs.path} || '%'`,
        sql`(${ideaRoutes.category} IS NULL OR ${ideaRoutes.category} = ${category})`,
      ),
    )
    .orderBy(desc(sql`length(${orgs.path})`), sql`${ideaRoutes.category} IS NULL`)
    .limit(1);
  return row?.route ?? null;
}
