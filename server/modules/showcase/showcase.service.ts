import fs from 'node:fs';
import { and, asc, desc, eq, gte, isNull, lte, sql } from 'drizzle-orm';
import type { NamingLevel } from '../../../common/enums.js';
import type { Page } from '../../../common/schemas/shared.js';
import type {
  PublicHome,
  PublicNaming,
  PublicNotice,
  PublicResult,
  PublicResultQuery,
  PublicStudio,
} from '../../../common/schemas/showcase.js';
import { enterpriseNameOf } from '../../core/access.js';
import type { Deps } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { pageResult } from '../../core/pagination.js';
import { activities } from '../activities/activities.table.js';
import { applications } from '../applications/applications.table.js';
import { storagePath } from '../files/files.service.js';
import { files } from '../files/files.table.js';
import { orgs } from '../orgs/orgs.table.js';
import { people } from '../people/people.table.js';
import { resultContributors } from '../results/results.table.js';
import { studioMembers, studioNamings, studios } from '../studios/studios.table.js';
import * as repo from './showcase.repository.js';
import { showcaseStudios } from './showcase.table.js';

type PublicDeps = Pick<Deps, 'db' | 'clock' | 'config'>;

const notFound = () => new AppError('showcase.not_found', 404);
const roleRank = sql`CASE ${studioMembers.role} WHEN 'leader' THEN 0 WHEN 'core' THEN 1 WHEN 'member' THEN 2 ELSE 3 END`;

type Card = Awaited<ReturnType<typeof repo.listPublicStudios>>[number];
type ResultCard = Awaited<ReturnType<typeof repo.listPublicResults>>[number];
const studioCard = (r: Card) => ({
  ...r,
  type: r.type as PublicStudio['type'],
  level: r.level as NamingLevel | null,
  photoId: r.photoId === null ? null : Number(r.photoId),
});
const resultCard = (r: ResultCard) => ({
  ...r,
  kind: r.kind as PublicResult['kind'],
  photoId: r.photoId === null ? null : Number(r.photoId),
});

/** Photo ids (images with purpose 'photo', not deleted) of one owner. */
async function photoIds(d: PublicDeps, ownerType: 'studio' | 'result', ownerId: number) {
  const rows = await d.db
    .select({ id: files.id })
    .from(files)
    .where(
      and(
        eq(files.ownerType, ownerType),
        eq(files.ownerId, ownerId),
        eq(files.purpose, 'photo'),
        isNull(files.deletedAt),
        sql`${files.mime} LIKE 'image/%'`,
      ),
    )
    .orderBy(asc(files.id))
    .limit(24);
  return rows.map((r) => r.id);
}

/** 公示 notices: applications whose publicity window contains today (by the injected clock). */
export async function findPublicNotices(d: PublicDeps): Promise<PublicNotice[]> {
  const today = d.clock.now().toISOString().slice(0, 10);
  const rows = await d.db
    .select({
      studioId: studios.id,
      studioName: studios.name,
      enterpriseName: enterpriseNameOf(orgs.path),
      level: applications.level,
      publicityStart: applications.publicityStart,
      publicityEnd: applications.publicityEnd,
    })
    .from(applications)
    .innerJoin(studios, eq(studios.id, applications.studioId))
    .innerJoin(orgs, eq(orgs.id, studios.hostOrgId))
    .where(
      and(
        eq(applications.state, 'publicity'),
        lte(applications.publicityStart, today),
        gte(applications.publicityEnd, today),
        isNull(studios.archivedAt),
      ),
    )
    .orderBy(desc(applications.publicityStart), asc(studios.name))
    .limit(100);
  const published = await repo.publicStudioIds({ db: d.db, ids: rows.map((r) => r.studioId) });
  return rows.map((r) => ({
    ...r,
    studioId: published.has(r.studioId) ? r.studioId : null,
    level: r.level as NamingLevel,
    publicityStart: r.publicityStart ?? '',
    publicityEnd: r.publicityEnd ?? '',
  }));
}

/** The showcase home: counts, published studios, recently recognised public results and current 公示. */
export async function getPublicHome(d: PublicDeps): Promise<PublicHome> {
  const [counts, list, recent, notices] = await Promise.all([
    repo.countPublic({ db: d.db }),
    repo.listPublicStudios({ db: d.db, limit: 60 }),
    repo.listPublicResults({ db: d.db, limit: 8 }),
    findPublicNotices(d),
  ]);
  return { counts, studios: list.map(studioCard), recentResults: recent.map(resultCard), notices };
}

/** A published studio's page; showcase.not_found (404) for anything not published. */
export async function getPublicStudio(d: PublicDeps, id: number): Promise<PublicStudio> {
  const row = await repo.getPublicStudioRow({ db: d.db, id });
  if (!row) throw notFound();
  const [team, namings, photos, resultsOf, acts] = await Promise.all([
    d.db
      .select({ name: people.name, role: studioMembers.role })
      .from(studioMembers)
      .innerJoin(people, eq(people.id, studioMembers.personId))
      .where(and(eq(studioMembers.studioId, id), isNull(studioMembers.leftOn)))
      .orderBy(roleRank, asc(studioMembers.joinedOn), asc(studioMembers.id))
      .limit(100),
    d.db
      .select({
        level: studioNamings.level,
        namingBody: studioNamings.namingBody,
        namedOn: studioNamings.namedOn,
        plaqueNo: studioNamings.plaqueNo,
      })
      .from(studioNamings)
      .where(
        and(
          eq(studioNamings.studioId, id),
          isNull(studioNamings.revokedOn),
          isNull(studioNamings.archivedAt),
        ),
      )
      .orderBy(desc(studioNamings.namedOn)),
    photoIds(d, 'studio', id),
    repo.listPublicResults({ db: d.db, studioId: id, limit: 50 }),
    d.db
      .select({
        id: activities.id,
        kind: activities.kind,
        title: activities.title,
        heldOn: activities.heldOn,
      })
      .from(activities)
      .where(and(eq(activities.studioId, id), isNull(activities.archivedAt)))
      .orderBy(desc(activities.heldOn), desc(activities.id))
      .limit(10),
  ]);
  const { leaderHonours, story, intro, foundedOn, hostOrgName, ...card } = row;
  return {
    ...studioCard(card),
    story,
    intro,
    foundedOn,
    hostOrgName,
    leader: card.leaderName
      ? {
          name: card.leaderName,
          honours: (leaderHonours ?? []).map((h) => ({ kind: h.kind, level: h.level, year: h.year })),
        }
      : null,
    team: team.map((m) => ({ name: m.name, role: m.role as PublicStudio['team'][number]['role'] })),
    namings: namings.map((n) => ({ ...n, level: n.level as NamingLevel })),
    photoIds: photos,
    results: resultsOf.map(resultCard),
    activities: acts.map((a) => ({ ...a, kind: a.kind as PublicStudio['activities'][number]['kind'] })),
  } as PublicStudio;
}

/** The results gallery: public results only, filtered by kind, field, enterprise or a keyword. */
export async function findPublicResults(
  d: PublicDeps,
  query: PublicResultQuery,
): Promise<Page<ReturnType<typeof resultCard>>> {
  const { items, total } = await repo.findPublicResults({ db: d.db, query });
  return pageResult(items.map(resultCard), total, query);
}

/** One public result; showcase.not_found (404) unless it is public. */
export async function getPublicResult(d: PublicDeps, id: number): Promise<PublicResult> {
  const row = await repo.getPublicResultRow({ db: d.db, id });
  if (!row) throw notFound();
  const [contributors, photos] = await Promise.all([
    d.db
      .select({ name: people.name })
      .from(resultContributors)
      .innerJoin(people, eq(people.id, resultContributors.personId))
      .where(eq(resultContributors.resultId, id))
      .orderBy(asc(resultContributors.seq)),
    photoIds(d, 'result', id),
  ]);
  return { ...row, ...resultCard(row), contributors: contributors.map((c) => c.name), photoIds: photos };
}

/** The naming list (命名名单) of published studios: current namings, newest first. */
export async function findPublicNamings(d: PublicDeps): Promise<PublicNaming[]> {
  const rows = await d.db
    .select({
      studioId: studios.id,
      studioName: studios.name,
      enterpriseName: enterpriseNameOf(orgs.path),
      level: studioNamings.level,
      namingBody: studioNamings.namingBody,
      namedOn: studioNamings.namedOn,
      plaqueNo: studioNamings.plaqueNo,
    })
    .from(studioNamings)
    .innerJoin(studios, eq(studios.id, studioNamings.studioId))
    .innerJoin(showcaseStudios, eq(showcaseStudios.studioId, studios.id))
    .innerJoin(orgs, eq(orgs.id, studios.hostOrgId))
    .where(and(repo.studioIsPublic, isNull(studioNamings.revokedOn), isNull(studioNamings.archivedAt)))
    .orderBy(desc(studioNamings.namedOn), asc(studios.name))
    .limit(1000);
  return rows.map((r) => ({ ...r, level: r.level as NamingLevel }));
}

/** Gallery filter values: enterprises with a published studio, fields of public results. */
export function publicFilters(d: PublicDeps) {
  return repo.publicFilterValues({ db: d.db });
}

/**
 * A photo for the public site: an image with purpose 'photo' of a published studio or of a public result.
 * Anything else is showcase.not_found (404), so nothing reveals that a private file exists.
 */
export async function getPublicPhoto(d: PublicDeps, id: number) {
  const [f] = await d.db.select().from(files).where(eq(files.id, id));
  if (!f || f.deletedAt || f.purpose !== 'photo' || !f.mime.startsWith('image/')) throw notFound();
  let ok = false;
  if (f.ownerType === 'studio') {
    ok = (await repo.publicStudioIds({ db: d.db, ids: [f.ownerId] })).has(f.ownerId);
  } else if (f.ownerType === 'result') {
    ok = (await repo.getPublicResultRow({ db: d.db, id: f.ownerId })) !== undefined;
  }
  if (!ok) throw notFound();
  const file = storagePath(d.config.dataDir, f.sha256);
  if (!fs.existsSync(file)) throw notFound();
  return { info: f, path: file };
}
