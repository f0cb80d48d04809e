import crypto from 'node:crypto';
import { and, asc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../core/access.js';
import type { Ctx } from '../../core/context.js';
import type { Db } from '../../core/db.js';
import { nextArchiveNo } from '../innovation/innovation.events.js';
import { enterprisePrefixOf, groupRootOf, groupRootsOf } from '../innovation/innovation.scope.js';
import { wordsOf } from '../similarity/similarity.text.js';
import { studioMembers } from '../studios/studios.table.js';
import { engagementSteps } from './engagement.table.js';

// Helpers shared by the engagement modules (ideas, challenges, clinic, points).
export { enterprisePrefixOf, groupRootOf, groupRootsOf };

/** Today in China (UTC+8) as YYYY-MM-DD, from a clock time. */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** The next archive number for a prefix in the clock's (China) year, e.g. JD-2026-00012. Call inside the transaction. */
export async function nextCode({ db, prefix, at }: { db: Db; prefix: string; at: Date }): Promise<string> {
  return nextArchiveNo({ db, prefix, year: Number(chinaDate(at).slice(0, 4)) });
}

const base32 = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** An unguessable tracking code: 10 characters of Crockford base32 (50 random bits). */
export function newTrackingCode(): string {
  const bytes = crypto.randomBytes(10);
  let out = '';
  for (const b of bytes) out += base32[b & 31];
  return out;
}

/** Records one workflow step (who, when, what, opinion) of an idea, challenge or clinic question. */
export async function recordStep(
  db: Db,
  ctx: Pick<Ctx, 'clock'> & { actor: Actor | null },
  v: {
    entityType: 'idea' | 'challenge' | 'clinic';
    entityId: number;
    action: string;
    fromStatus?: string | null;
    toStatus?: string | null;
    note?: string | null;
    public?: boolean;
  },
) {
  await db.insert(engagementSteps).values({
    entityType: v.entityType,
    entityId: v.entityId,
    action: v.action,
    fromStatus: v.fromStatus ?? null,
    toStatus: v.toStatus ?? null,
    note: v.note ?? null,
    public: v.public ?? true,
    actorUserId: ctx.actor?.userId ?? null,
    actorName: ctx.actor?.name ?? null,
    at: ctx.clock.now().toISOString(),
  });
}

/** The workflow history of one thing, oldest first. */
export async function stepsOf({
  db,
  entityType,
  entityId,
}: {
  db: Db;
  entityType: string;
  entityId: number;
}) {
  return db
    .select()
    .from(engagementSteps)
    .where(and(eq(engagementSteps.entityType, entityType), eq(engagementSteps.entityId, entityId)))
    .orderBy(asc(engagementSteps.id));
}

/** The studios the actor is an active member of, with their role. */
export async function membershipsOf(ctx: Pick<Ctx, 'db' | 'actor'>): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  if (ctx.actor.personId === null) return out;
  const rows = await ctx.db
    .select({ studioId: studioMembers.studioId, role: studioMembers.role })
    .from(studioMembers)
    .where(and(eq(studioMembers.personId, ctx.actor.personId), isNull(studioMembers.leftOn)));
  for (const r of rows) out.set(r.studioId, r.role);
  return out;
}

/** Whether `path` lies in one of the actor's groups. */
export function inActorGroups(actor: Actor, path: string): boolean {
  return groupRootsOf(actor).includes(groupRootOf(path));
}

/** Adds days to a time. */
export function addDays(at: Date, days: number): Date {
  return new Date(at.getTime() + days * 86_400_000);
}

const plainWord = /^[\p{L}\p{N}_]+$/u;
/** Words every idea uses: they would make unrelated ideas look alike. */
const ideaStopWords = new Set([
  '建议',
  '增加',
  '希望',
  '能够',
  '现在',
  '目前',
  '需要',
  '时间',
  '分钟',
  '以上',
  '以下',
  '左右',
  '平均',
  '车间',
  '公司',
  '一个',
  '没有',
  '因为',
  '所以',
  '如果',
  '可能',
  '比较',
  '非常',
  '这个',
  '那个',
  '效果',
  '改为',
  '改进',
  '方便',
  '减少',
]);
/** The search words of some text (Intl.Segmenter words, see similarity.text.ts), limited to plain letters and digits. */
export function searchWords(parts: readonly (string | null | undefined)[], limit = 200): string[] {
  return wordsOf(parts.filter(Boolean).join('\n'))
    .filter((w) => plainWord.test(w) && !ideaStopWords.has(w))
    .slice(0, limit);
}

/** A tsvector built from the words directly (no text parser, so it behaves the same under every locale). */
export function searchVector(parts: readonly (string | null | undefined)[]): SQL {
  const words = searchWords(parts);
  if (words.length === 0) return sql`NULL`;
  return sql`array_to_tsvector(ARRAY[${sql.join(
    words.map((w) => sql`${w}`),
    sql`, `,
  )}]::text[])`;
}

/** A tsquery matching any of the words, or null when the text has none worth searching. */
export function anyWordQuery(text: string): SQL | null {
  const words = searchWords([text], 40);
  if (words.length === 0) return null;
  return sql`${words.map((w) => `'${w}'`).join(' | ')}::tsquery`;
}

/** Share of the shorter text's words that the two texts have in common (0–1). */
export function overlapScore(a: string, b: string): number {
  const wa = new Set(searchWords([a]));
  const wb = new Set(searchWords([b]));
  if (wa.size === 0 || wb.size === 0) return 0;
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return Math.round((shared / Math.min(wa.size, wb.size)) * 100) / 100;
}
