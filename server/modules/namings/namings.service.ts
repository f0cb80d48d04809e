import { and, asc, count, desc, eq, ilike, inArray, isNull, or, sql } from 'drizzle-orm';
import {
  type NamingLevel,
  namingLevelLabels,
  namingLevels,
  type StudioType,
  studioTypeLabels,
} from '../../../common/enums.js';
import type { NamingListItem, NamingListQuery } from '../../../common/schemas/applications.js';
import { enterpriseNameOf, inScope, scopeOf } from '../../core/access.js';
import { recordAudit } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import type { Db } from '../../core/db.js';
import { AppError, invalidFields } from '../../core/errors.js';
import { buildWorkbook } from '../../core/excel.js';
import { likeText, offsetOf, pageResult } from '../../core/pagination.js';
import { plaqueCounters } from '../applications/applications.table.js';
import { orgs } from '../orgs/orgs.table.js';
import { people } from '../people/people.table.js';
import { studioAllows } from '../studios/studios.access.js';
import { studioMembers, studioNamings, studios } from '../studios/studios.table.js';
import { renderCertificate } from './namings.certificate.js';

/** Plaque number codes per level: JX-2026-G-0001 is the first group-level plaque of 2026. */
const levelCodes: Record<NamingLevel, string> = {
  enterprise: 'E',
  group: 'G',
  city: 'C',
  province: 'P',
  provinceDemo: 'PD',
  national: 'N',
};

/** Hands out the next free plaque number for a level and year (skipping any entered by hand). */
export async function nextPlaqueNo({
  db,
  level,
  year,
}: {
  db: Db;
  level: NamingLevel;
  year: number;
}): Promise<string> {
  const prefix = `JX-${year}-${levelCodes[level]}`;
  for (;;) {
    const [r] = await db
      .insert(plaqueCounters)
      .values({ prefix, last: 1 })
      .onConflictDoUpdate({ target: plaqueCounters.prefix, set: { last: sql`${plaqueCounters.last} + 1` } })
      .returning();
    const no = `${prefix}-${String(r!.last).padStart(4, '0')}`;
    const [taken] = await db.select({ n: count() }).from(studioNamings).where(eq(studioNamings.plaqueNo, no));
    if (!taken?.n) return no;
  }
}

/** The naming body by default: the enterprise's union for enterprise level, the group's union for group level. */
export async function defaultNamingBody({
  db,
  level,
  orgPath,
}: {
  db: Db;
  level: NamingLevel;
  orgPath: string;
}) {
  if (level !== 'enterprise' && level !== 'group') return null;
  const ids = orgPath.split('/').filter(Boolean).map(Number);
  const rows = await db
    .select({ id: orgs.id, kind: orgs.kind, name: orgs.name })
    .from(orgs)
    .where(inArray(orgs.id, ids));
  const want = level === 'group' ? 'group' : 'enterprise';
  const org = rows.find((r) => r.kind === want);
  return org ? `${org.name}工会` : null;
}

/**
 * Records a naming won through an application, inside the caller's transaction: a plaque number, a
 * studio_namings row, and the studio set to 已命名 with its highest current level. Audited.
 * Throws request.invalid (namingBody) when a level above the group has no naming body given.
 */
export async function recordNaming({
  db,
  ctx,
  studio,
  orgPath,
  level,
  applicationId,
  namingBody,
  namedOn,
}: {
  db: Db;
  ctx: Ctx;
  studio: typeof studios.$inferSelect;
  orgPath: string;
  level: NamingLevel;
  applicationId: number;
  namingBody: string | undefined;
  namedOn: string;
}) {
  const body = namingBody ?? (await defaultNamingBody({ db, level, orgPath }));
  if (!body) throw invalidFields({ namingBody: '请填写命名单位（如：某某省总工会）' });
  const plaqueNo = await nextPlaqueNo({ db, level, year: Number(namedOn.slice(0, 4)) });
  const now = ctx.clock.now().toISOString();
  const [naming] = await db
    .insert(studioNamings)
    .values({
      studioId: studio.id,
      level,
      namingBody: body,
      namedOn,
      plaqueNo,
      applicationId,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  const held = await db
    .select({ level: studioNamings.level })
    .from(studioNamings)
    .where(
      and(
        eq(studioNamings.studioId, studio.id),
        isNull(studioNamings.revokedOn),
        isNull(studioNamings.archivedAt),
      ),
    );
  const top = held
    .map((h) => h.level as NamingLevel)
    .sort((a, b) => namingLevels.indexOf(b) - namingLevels.indexOf(a))[0]!;
  const status = studio.status === 'cultivating' ? 'named' : studio.status;
  const [after] = await db
    .update(studios)
    .set({ status, currentLevel: top, version: sql`${studios.version} + 1`, updatedAt: now })
    .where(eq(studios.id, studio.id))
    .returning();
  await recordAudit(db, ctx, {
    action: 'studios.named',
    entityType: 'studio',
    entityId: studio.id,
    orgId: studio.hostOrgId,
    orgPath,
    before: { status: studio.status, currentLevel: studio.currentLevel },
    after: { status: after!.status, currentLevel: after!.currentLevel, naming },
  });
  return naming!;
}

const enterpriseName = enterpriseNameOf(orgs.path, true);

function listBase(db: Db) {
  return db
    .select({
      naming: studioNamings,
      studioName: studios.name,
      studioType: studios.type,
      hostOrgName: orgs.name,
      orgPath: orgs.path,
      enterpriseName,
      leaderName: people.name,
    })
    .from(studioNamings)
    .innerJoin(studios, eq(studios.id, studioNamings.studioId))
    .innerJoin(orgs, eq(orgs.id, studios.hostOrgId))
    .leftJoin(people, eq(people.id, studios.leaderPersonId));
}
type ListRow = Awaited<ReturnType<ReturnType<typeof listBase>['execute']>>[number];

function toItem(r: ListRow): NamingListItem {
  return {
    id: r.naming.id,
    studioId: r.naming.studioId,
    studioName: r.studioName,
    studioType: r.studioType as StudioType,
    hostOrgName: r.hostOrgName,
    enterpriseName: r.enterpriseName,
    leaderName: r.leaderName,
    level: r.naming.level as NamingLevel,
    namingBody: r.naming.namingBody,
    namedOn: r.naming.namedOn,
    plaqueNo: r.naming.plaqueNo,
    applicationId: r.naming.applicationId,
    revokedOn: r.naming.revokedOn,
  };
}

function listWhere(ctx: Ctx, query: Omit<NamingListQuery, 'page' | 'pageSize'>) {
  return and(
    inScope(orgs.path, scopeOf(ctx.actor, 'studios.read')),
    isNull(studioNamings.archivedAt),
    query.year ? sql`extract(year from ${studioNamings.namedOn}) = ${query.year}` : undefined,
    query.level ? eq(studioNamings.level, query.level) : undefined,
    query.q
      ? or(ilike(studios.name, likeText(query.q)), ilike(studioNamings.plaqueNo, likeText(query.q)))
      : undefined,
  );
}

/** The naming list (命名名单) of the actor's subtree, by year and level, ordered by plaque number. */
export async function findNamings({ ctx, query }: { ctx: Ctx; query: NamingListQuery }) {
  const where = listWhere(ctx, query);
  const [rows, [total]] = await Promise.all([
    listBase(ctx.db)
      .where(where)
      .orderBy(desc(studioNamings.namedOn), asc(studioNamings.plaqueNo), asc(studioNamings.id))
      .limit(query.pageSize)
      .offset(offsetOf(query)),
    ctx.db
      .select({ n: count() })
      .from(studioNamings)
      .innerJoin(studios, eq(studios.id, studioNamings.studioId))
      .innerJoin(orgs, eq(orgs.id, studios.hostOrgId))
      .where(where),
  ]);
  return pageResult(rows.map(toItem), total?.n ?? 0, query);
}

/** The naming list as an .xlsx ready to announce, titled by year and level. */
export async function exportNamings({
  ctx,
  query,
}: {
  ctx: Ctx;
  query: Omit<NamingListQuery, 'page' | 'pageSize'>;
}) {
  const rows = await listBase(ctx.db)
    .where(listWhere(ctx, query))
    .orderBy(asc(studioNamings.level), asc(studioNamings.plaqueNo), asc(studioNamings.id))
    .limit(10_000);
  const title = `${query.year ? `${query.year}年度` : ''}${query.level ? namingLevelLabels[query.level].zh : ''}创新工作室命名名单`;
  const buffer = await buildWorkbook([
    {
      name: '命名名单',
      headers: [
        '序号',
        '工作室名称',
        '类型',
        '所在单位',
        '所属企业',
        '领衔人',
        '命名级别',
        '命名单位',
        '命名日期',
        '牌匾编号',
      ],
      widths: [6, 34, 18, 20, 24, 10, 10, 24, 12, 18],
      rows: rows.map((r, i) => {
        const it = toItem(r);
        return [
          i + 1,
          it.studioName,
          studioTypeLabels[it.studioType].zh,
          it.hostOrgName,
          it.enterpriseName,
          it.leaderName,
          namingLevelLabels[it.level].zh,
          it.namingBody,
          it.namedOn,
          it.plaqueNo,
        ];
      }),
    },
  ]);
  return { buffer, filename: `${title}.xlsx` };
}

/**
 * The certificate PDF of a naming, for anyone who may see the studio. Throws namings.not_found (404)
 * outside the actor's view, namings.font_missing (500) when the server has no CJK font.
 */
export async function getCertificate({ ctx, id }: { ctx: Ctx; id: number }) {
  const [r] = await listBase(ctx.db).where(and(eq(studioNamings.id, id), isNull(studioNamings.archivedAt)));
  if (!r) throw new AppError('namings.not_found', 404);
  let memberRole: string | null = null;
  if (ctx.actor.personId !== null) {
    const [m] = await ctx.db
      .select({ role: studioMembers.role })
      .from(studioMembers)
      .where(
        and(
          eq(studioMembers.studioId, r.naming.studioId),
          eq(studioMembers.personId, ctx.actor.personId),
          isNull(studioMembers.leftOn),
        ),
      );
    memberRole = m?.role ?? null;
  }
  if (!studioAllows(ctx.actor, 'read', r.orgPath, memberRole)) throw new AppError('namings.not_found', 404);
  const it = toItem(r);
  const pdf = await renderCertificate({
    studioName: it.studioName,
    levelLabel: namingLevelLabels[it.level].zh,
    typeLabel: studioTypeLabels[it.studioType].zh,
    namingBody: it.namingBody,
    namedOn: it.namedOn,
    plaqueNo: it.plaqueNo,
  });
  return { pdf, filename: `${it.studioName}-${namingLevelLabels[it.level].zh}-荣誉证书.pdf` };
}
