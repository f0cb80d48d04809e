import type { StudioType } from '../../../common/enums.js';
import type { Db } from '../../core/db.js';
import { results } from '../results/results.table.js';
import { studioMembers, studios } from '../studios/studios.table.js';

/**
 * Seed-time helper writing a studio with its leader and members straight to the tables, for the naming
 * tests and demo data (the registry's own service is not needed to exercise the naming workflow).
 */
export async function seedStudioForNaming(
  db: Db,
  v: {
    code: string;
    name: string;
    type?: StudioType;
    hostOrgId: number;
    leaderPersonId: number;
    memberPersonIds?: number[];
    foundedOn?: string | null;
    siteArea?: number | null;
    field?: string;
    slogan?: string;
    /** Years in each of which two recognised results are written (the 近 3 年每年 2 项 condition). */
    recognisedResultYears?: number[];
  },
) {
  const [studio] = await db
    .insert(studios)
    .values({
      code: v.code,
      name: v.name,
      type: v.type ?? 'modelWorker',
      hostOrgId: v.hostOrgId,
      leaderPersonId: v.leaderPersonId,
      foundedOn: v.foundedOn === undefined ? '2019-03-01' : v.foundedOn,
      siteArea: v.siteArea === undefined ? 120 : v.siteArea,
      field: v.field ?? '机械加工',
      slogan: v.slogan ?? null,
    })
    .returning();
  const joinedOn = v.foundedOn ?? '2019-03-01';
  await db.insert(studioMembers).values([
    { studioId: studio!.id, personId: v.leaderPersonId, role: 'leader', joinedOn },
    ...(v.memberPersonIds ?? []).map((personId, i) => ({
      studioId: studio!.id,
      personId,
      role: i === 0 ? 'core' : 'member',
      joinedOn,
    })),
  ]);
  const years = v.recognisedResultYears ?? [];
  if (years.length) {
    await db.insert(results).values(
      years.flatMap((year) =>
        [1, 2].map((i) => ({
          archiveNo: `${v.code}-R${year}-${i}`,
          kind: 'technicalImprovement',
          studioId: studio!.id,
          title: `${year}年技术革新成果${i}`,
          problem: '生产中的实际问题',
          year,
          status: 'recognised',
          recognisedOn: `${year}-06-0${i}`,
        })),
      ),
    );
  }
  return studio!;
}
