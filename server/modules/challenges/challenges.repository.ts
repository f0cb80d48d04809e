import { and, asc, count, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../core/db.js';
import { orgs } from '../orgs/orgs.table.js';
import { studios } from '../studios/studios.table.js';
import { challengeBids, challenges } from './challenges.table.js';

export type ChallengeRow = typeof challenges.$inferSelect;
export type BidRow = typeof challengeBids.$inferSelect;

const selectedStudio = alias(studios, 'selected_studio');
const selectedOrg = alias(orgs, 'selected_org');

const bidCount = sql<number>`(SELECT count(*)::int FROM challenge_bids b WHERE b.challenge_id = ${challenges.id} AND b.status <> 'withdrawn')`;

/** Challenges with their owner org, bid count and selected studio. */
export function challengesJoined(db: Db) {
  return db
    .select({
      c: challenges,
      ownerOrgName: orgs.name,
      ownerPath: orgs.path,
      bidCount,
      selectedStudioName: selectedStudio.name,
      selectedStudioPath: selectedOrg.path,
    })
    .from(challenges)
    .innerJoin(orgs, eq(orgs.id, challenges.ownerOrgId))
    .leftJoin(selectedStudio, eq(selectedStudio.id, challenges.selectedStudioId))
    .leftJoin(selectedOrg, eq(selectedOrg.id, selectedStudio.hostOrgId));
}
export type ChallengeJoined = Awaited<ReturnType<ReturnType<typeof challengesJoined>['execute']>>[number];

export async function findChallengeJoined({ db, id }: { db: Db; id: number }) {
  const [row] = await challengesJoined(db).where(eq(challenges.id, id));
  return row ?? null;
}

/** The bids of a challenge (not withdrawn ones), with studio, host org path and enterprise name. */
export async function bidsOf({ db, challengeId }: { db: Db; challengeId: number }) {
  const ent = alias(orgs, 'ent');
  return db
    .select({
      b: challengeBids,
      studioName: studios.name,
      studioPath: orgs.path,
      enterpriseName: ent.name,
    })
    .from(challengeBids)
    .innerJoin(studios, eq(studios.id, challengeBids.studioId))
    .innerJoin(orgs, eq(orgs.id, studios.hostOrgId))
    .leftJoin(ent, sql`${ent.path} = substring(${orgs.path} from '^/[0-9]+/[0-9]+/')`)
    .where(and(eq(challengeBids.challengeId, challengeId), ne(challengeBids.status, 'withdrawn')))
    .orderBy(asc(challengeBids.id));
}
export type BidJoined = Awaited<ReturnType<typeof bidsOf>>[number];

/** Leaders' studios whose field matches a challenge field (either contains the other), in one group. */
export async function studiosMatchingField({
  db,
  field,
  groupRoot,
}: {
  db: Db;
  field: string;
  groupRoot: string;
}) {
  return db
    .select({ id: studios.id })
    .from(studios)
    .innerJoin(orgs, eq(orgs.id, studios.hostOrgId))
    .where(
      and(
        isNull(studios.archivedAt),
        inArray(studios.status, ['cultivating', 'named', 'rectifying']),
        sql`${orgs.path} LIKE ${`${groupRoot}%`}`,
        sql`${studios.field} IS NOT NULL AND length(${studios.field}) > 0`,
        sql`(strpos(${studios.field}, ${field}) > 0 OR strpos(${field}, ${studios.field}) > 0)`,
      ),
    );
}

export async function countBids({ db, challengeId }: { db: Db; challengeId: number }) {
  const [r] = await db
    .select({ n: count() })
    .from(challengeBids)
    .where(and(eq(challengeBids.challengeId, challengeId), ne(challengeBids.status, 'withdrawn')));
  return r?.n ?? 0;
}
