import { and, count, eq, isNull } from 'drizzle-orm';
import {
  type HonourLevel,
  honourKindLabels,
  honourLevelLabels,
  honourLevels,
  type NamingLevel,
  namingLevelLabels,
  namingLevels,
} from '../../../common/enums.js';
import type {
  Condition,
  ConditionKind,
  ConditionResult,
  ConditionStatus,
} from '../../../common/schemas/rulebooks.js';
import type { Db } from '../../core/db.js';
import { people } from '../people/people.table.js';
import { studioMembers, studioNamings, type studios } from '../studios/studios.table.js';

/** What a checker may look at: the studio, the day, and lazily loaded facts shared by all checkers. */
export interface ConditionContext {
  db: Db;
  studio: typeof studios.$inferSelect;
  /** Today as YYYY-MM-DD (China time), from the injected clock. */
  today: string;
  leader(): Promise<typeof people.$inferSelect | null>;
}

export type ConditionOutcome = { status: ConditionStatus; reason: string };
export type ConditionChecker<K extends ConditionKind = ConditionKind> = (
  condition: Extract<Condition, { kind: K }>,
  cx: ConditionContext,
) => Promise<ConditionOutcome>;

const checkers = new Map<ConditionKind, ConditionChecker>();

/**
 * Installs the checker for a condition kind. Modules that own a data source plug in here (the results
 * module registers `minResultsPerYear`); until then the kind is answered "needs manual confirmation".
 */
export function registerConditionChecker<K extends ConditionKind>(kind: K, checker: ConditionChecker<K>) {
  checkers.set(kind, checker as unknown as ConditionChecker);
}

/** Whether a checker is installed for `kind`. */
export function hasConditionChecker(kind: ConditionKind): boolean {
  return checkers.has(kind);
}

/** Whole years from `from` to `to` (both YYYY-MM-DD). */
export function fullYearsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return ty - fy - (tm < fm || (tm === fm && td < fd) ? 1 : 0);
}

const pass = (reason: string): ConditionOutcome => ({ status: 'passed', reason });
const fail = (reason: string): ConditionOutcome => ({ status: 'failed', reason });

registerConditionChecker('leaderHonour', async (c, cx) => {
  const leader = await cx.leader();
  if (!leader) return fail('工作室尚未登记领衔人');
  const rank = (l: HonourLevel) => honourLevels.indexOf(l);
  const min = c.minLevel;
  const describe = (h: { kind: string; level: HonourLevel; year: number }) =>
    `${honourLevelLabels[h.level].zh}${honourKindLabels[h.kind as keyof typeof honourKindLabels]?.zh ?? h.kind}（${h.year}年）`;
  const fitting = leader.honours
    .filter((h) => min === null || rank(h.level) >= rank(min))
    .sort((a, b) => rank(b.level) - rank(a.level));
  if (fitting[0]) return pass(`领衔人${leader.name}获得${describe(fitting[0])}`);
  const need = min ? `${honourLevelLabels[min].zh}及以上荣誉` : '任何荣誉称号';
  const have = leader.honours.length ? `（现有：${leader.honours.map(describe).join('、')}）` : '';
  return fail(`领衔人${leader.name}未获得${need}${have}`);
});

registerConditionChecker('minMembers', async (c, cx) => {
  const [r] = await cx.db
    .select({ n: count() })
    .from(studioMembers)
    .where(and(eq(studioMembers.studioId, cx.studio.id), isNull(studioMembers.leftOn)));
  const n = r?.n ?? 0;
  const text = `在册成员 ${n} 人，要求不少于 ${c.min} 人`;
  return n >= c.min ? pass(text) : fail(text);
});

registerConditionChecker('minYearsRunning', async (c, cx) => {
  const founded = cx.studio.foundedOn;
  if (!founded) return fail('工作室档案未填写创建日期，请先补充');
  const years = fullYearsBetween(founded, cx.today);
  const text = `${founded} 创建，已运行 ${Math.max(years, 0)} 年，要求满 ${c.years} 年`;
  return years >= c.years ? pass(text) : fail(text);
});

registerConditionChecker('minSiteArea', async (c, cx) => {
  const area = cx.studio.siteArea;
  if (area === null || area === undefined) return fail('工作室档案未填写场所面积，请先补充');
  const text = `场所面积 ${area} 平方米，要求不少于 ${c.sqm} 平方米`;
  return Number(area) >= c.sqm ? pass(text) : fail(text);
});

registerConditionChecker('priorNaming', async (c, cx) => {
  const rows = await cx.db
    .select({ level: studioNamings.level, namedOn: studioNamings.namedOn })
    .from(studioNamings)
    .where(
      and(
        eq(studioNamings.studioId, cx.studio.id),
        isNull(studioNamings.revokedOn),
        isNull(studioNamings.archivedAt),
      ),
    );
  const rank = (l: string) => namingLevels.indexOf(l as NamingLevel);
  const held = rows
    .filter((r) => rank(r.level) >= rank(c.level))
    .sort((a, b) => rank(b.level) - rank(a.level))[0];
  if (held)
    return pass(`${held.namedOn} 已被命名为${namingLevelLabels[held.level as NamingLevel].zh}创新工作室`);
  return fail(`尚未被命名为${namingLevelLabels[c.level].zh}创新工作室`);
});

registerConditionChecker('manual', async () => ({ status: 'manual', reason: '需由审核人员人工核实' }));

/** Checks each condition with its registered checker; a kind without one is left for manual confirmation. */
export async function checkConditions({
  db,
  studio,
  conditions,
  today,
}: {
  db: Db;
  studio: typeof studios.$inferSelect;
  conditions: Condition[];
  today: string;
}): Promise<ConditionResult[]> {
  let leaderP: Promise<typeof people.$inferSelect | null> | null = null;
  const cx: ConditionContext = {
    db,
    studio,
    today,
    leader: () => {
      leaderP ??= studio.leaderPersonId
        ? db
            .select()
            .from(people)
            .where(eq(people.id, studio.leaderPersonId))
            .then((r) => r[0] ?? null)
        : Promise.resolve(null);
      return leaderP;
    },
  };
  const out: ConditionResult[] = [];
  for (const c of conditions) {
    const checker = checkers.get(c.kind);
    const r: ConditionOutcome = checker
      ? await checker(c, cx)
      : { status: 'manual', reason: '系统尚未接入该项数据，需人工确认' };
    out.push({ key: c.key, kind: c.kind, label: c.label, status: r.status, reason: r.reason });
  }
  return out;
}
