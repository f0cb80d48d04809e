import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type {
  IdeaCreate,
  PublicIdeaCreate,
  PublicIdeaStatus,
  SimilarIdea,
} from '../../../common/schemas/ideas.js';
import type { IdeaStatus } from '../../../common/workflows/idea.js';
import type { Actor } from '../../core/access.js';
import { recordAudit } from '../../core/audit.js';
import type { Ctx, Deps } from '../../core/context.js';
import type { Db } from '../../core/db.js';
import { claimAnonymousFile } from '../files/files.anonymous.js';
import { closestAdmins } from '../notifications/recipients.js';
import { addTodo } from '../notifications/todos.service.js';
import { orgs } from '../orgs/orgs.table.js';
import { people } from '../people/people.table.js';
import {
  addDays,
  enterprisePrefixOf,
  inActorGroups,
  newTrackingCode,
  nextCode,
  recordStep,
  searchVector,
  stepsOf,
} from './engagement.js';
import { ideaErrors } from './ideas.errors.js';
import { ideaPhotos } from './ideas.photos.js';
import * as repo from './ideas.repository.js';
import { ideaCredits, ideas } from './ideas.table.js';

type OrgRow = typeof orgs.$inferSelect;
type StepDeps = Pick<Deps, 'db' | 'clock' | 'config'> & { actor: Actor | null; ip: string | null };

/** The to-do that asks the handler to answer an idea by its deadline. */
export async function addAnswerTodo(
  db: Db,
  at: Date,
  idea: { id: number; code: string; title: string; deadlineAt: string | null },
  orgPath: string,
  handlerUserId: number,
) {
  await addTodo({
    db,
    userIds: [handlerUserId],
    kind: 'idea.answer',
    title: `答复建议 ${idea.code}：${idea.title}`,
    body: idea.deadlineAt ? `请于 ${idea.deadlineAt.slice(0, 10)} 前给出书面答复。` : undefined,
    link: `/ideas/${idea.id}`,
    entityType: 'idea',
    entityId: idea.id,
    orgPath,
    dueAt: idea.deadlineAt,
    now: at,
  });
}

/**
 * Writes a new idea and routes it: the routing table's handler (deepest org, category before "any"),
 * else the closest union admin above the idea's org; the deadline is the rule's days or the configured
 * default from the injected clock. The handler gets a to-do due at the deadline.
 */
async function createIdea(
  tx: Db,
  d: StepDeps,
  v: {
    org: OrgRow;
    input: IdeaCreate | PublicIdeaCreate;
    anonymous: boolean;
    personId: number | null;
    clientKey?: string | null;
  },
) {
  const now = d.clock.now();
  const code = await nextCode({ db: tx, prefix: 'JD', at: now });
  const route = await repo.resolveRoute({ db: tx, orgPath: v.org.path, category: v.input.category });
  const handlerUserId =
    route?.handlerUserId ?? (await closestAdmins({ db: tx, orgPath: v.org.path }))[0] ?? null;
  const deadlineAt = handlerUserId
    ? addDays(now, route?.deadlineDays ?? d.config.ideaAnswerDays).toISOString()
    : null;
  const [row] = await tx
    .insert(ideas)
    .values({
      code,
      trackingCode: v.anonymous ? newTrackingCode() : null,
      anonymous: v.anonymous,
      submitterUserId: v.anonymous ? null : (d.actor?.userId ?? null),
      submitterPersonId: v.anonymous ? null : v.personId,
      orgId: v.org.id,
      category: v.input.category,
      title: v.input.title,
      content: v.input.content,
      searchText: searchVector([v.input.title, v.input.content]) as never,
      status: handlerUserId ? 'assigned' : 'submitted',
      handlerUserId,
      routeId: route?.id ?? null,
      assignedAt: handlerUserId ? now.toISOString() : null,
      deadlineAt,
      clientKey: v.clientKey ?? null,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    })
    .returning();
  const idea = row!;
  if (!v.anonymous && v.personId)
    await tx.insert(ideaCredits).values({ ideaId: idea.id, personId: v.personId, kind: 'submitter' });
  await recordStep(tx, d, { entityType: 'idea', entityId: idea.id, action: 'submit', toStatus: 'submitted' });
  if (handlerUserId) {
    await recordStep(
      tx,
      { ...d, actor: null },
      {
        entityType: 'idea',
        entityId: idea.id,
        action: 'assign',
        fromStatus: 'submitted',
        toStatus: 'assigned',
        note: deadlineAt ? `已分派处理人，答复期限 ${deadlineAt.slice(0, 10)}` : null,
      },
    );
    await addAnswerTodo(tx, now, idea, v.org.path, handlerUserId);
  }
  // Anonymous ideas are audited without actor or address: the audit log must not undo the anonymity.
  const { searchText: _s, ...after } = idea;
  await recordAudit(tx, v.anonymous ? null : (d as Ctx), {
    action: 'ideas.submit',
    entityType: 'idea',
    entityId: idea.id,
    orgId: v.org.id,
    orgPath: v.org.path,
    after: v.anonymous ? { ...after, trackingCode: '(hidden)' } : after,
  });
  return idea;
}

/** The idea this submitter already made with this client key (the phone outbox's idempotency key). */
async function ideaByClientKey(db: Db, userId: number, clientKey: string) {
  const [row] = await db
    .select({ id: ideas.id })
    .from(ideas)
    .where(and(eq(ideas.submitterUserId, userId), eq(ideas.clientKey, clientKey)));
  return row?.id;
}

/**
 * Submits an idea as the logged-in employee (their own org unless another org of their group is given).
 * With a `clientKey` (the Idempotency-Key header of the phone's offline outbox) a repeated submission returns
 * the idea already made instead of a second one, even when both arrive at once (a unique index decides).
 */
export async function submitIdea({
  ctx,
  input,
  clientKey,
}: {
  ctx: Ctx;
  input: IdeaCreate;
  clientKey?: string;
}) {
  if (clientKey) {
    const existing = await ideaByClientKey(ctx.db, ctx.actor.userId, clientKey);
    if (existing) return existing;
  }
  let orgId = input.orgId;
  if (!orgId && ctx.actor.personId) {
    const [p] = await ctx.db
      .select({ orgId: people.orgId })
      .from(people)
      .where(eq(people.id, ctx.actor.personId));
    orgId = p?.orgId;
  }
  if (!orgId) throw ideaErrors.orgInvalid('orgId');
  const [org] = await ctx.db
    .select()
    .from(orgs)
    .where(and(eq(orgs.id, orgId), isNull(orgs.archivedAt)));
  if (!org || !inActorGroups(ctx.actor, org.path)) throw ideaErrors.orgInvalid('orgId');
  try {
    const idea = await ctx.db.transaction((tx) =>
      createIdea(tx, ctx, { org, input, anonymous: false, personId: ctx.actor.personId, clientKey }),
    );
    return idea.id;
  } catch (e) {
    // the same key arrived twice at once: the other request made the idea
    const existing = clientKey ? await ideaByClientKey(ctx.db, ctx.actor.userId, clientKey) : undefined;
    if (existing) return existing;
    throw e;
  }
}

/** The anonymous idea made with this client key (the public page's outbox key), if any. */
async function anonymousByClientKey(db: Db, clientKey: string) {
  const [row] = await db
    .select({ trackingCode: ideas.trackingCode, code: ideas.code, deadlineAt: ideas.deadlineAt })
    .from(ideas)
    .where(and(eq(ideas.anonymous, true), isNull(ideas.submitterUserId), eq(ideas.clientKey, clientKey)));
  return row;
}

/**
 * Submits an anonymous idea from the public page. Returns only the tracking code (the submitter's one
 * handle on it), the archive number and the answer deadline. Nothing identifying is stored.
 * With a `clientKey` (the Idempotency-Key of the public page's offline outbox) a resend returns the idea
 * already made — the same tracking code — instead of a second one; an advisory lock on the key decides
 * between two resends arriving at once (anonymous ideas have no submitter for the unique index).
 * A `photoToken` (POST /api/public/ideas/photos) attaches that photo in the same transaction; an unknown,
 * expired or used token refuses the whole submission (ideas.photo_token_invalid, 400).
 */
export async function submitPublicIdea({
  deps,
  input,
  clientKey,
}: {
  deps: Pick<Deps, 'db' | 'clock' | 'config'>;
  input: PublicIdeaCreate;
  clientKey?: string;
}) {
  if (clientKey) {
    const existing = await anonymousByClientKey(deps.db, clientKey);
    if (existing) return { ...existing, trackingCode: existing.trackingCode! };
  }
  const [org] = await deps.db
    .select()
    .from(orgs)
    .where(and(eq(orgs.code, input.orgCode), isNull(orgs.archivedAt)));
  if (!org) throw ideaErrors.orgInvalid('orgCode');
  const idea = await deps.db.transaction(async (tx) => {
    if (clientKey) {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(727276, hashtext(${clientKey}))`);
      const existing = await anonymousByClientKey(tx, clientKey);
      if (existing) return existing;
    }
    const created = await createIdea(
      tx,
      { ...deps, actor: null, ip: null },
      { org, input, anonymous: true, personId: null, clientKey },
    );
    if (input.photoToken) {
      const fileId = await claimAnonymousFile({
        db: tx,
        token: input.photoToken,
        target: { ownerType: 'idea', ownerId: created.id, orgPath: org.path, purpose: 'photo' },
        now: deps.clock.now(),
      });
      if (!fileId) throw ideaErrors.photoTokenInvalid();
    }
    return created;
  });
  return { trackingCode: idea.trackingCode!, code: idea.code, deadlineAt: idea.deadlineAt };
}

/** What a tracking code shows: status, public steps and the written answer — never a name. */
export async function trackIdea({
  deps,
  code,
}: {
  deps: Pick<Deps, 'db'>;
  code: string;
}): Promise<PublicIdeaStatus> {
  const row = await repo.findIdeaByTracking({ db: deps.db, trackingCode: code });
  if (!row) throw ideaErrors.trackNotFound();
  const steps = await stepsOf({ db: deps.db, entityType: 'idea', entityId: row.idea.id });
  const i = row.idea;
  return {
    code: i.code,
    title: i.title,
    category: i.category as PublicIdeaStatus['category'],
    status: i.status as IdeaStatus,
    submittedAt: i.createdAt,
    deadlineAt: i.deadlineAt,
    answeredAt: i.answeredAt,
    answer: i.answer,
    mergedIntoCode: row.mergedIntoCode,
    photos: (await ideaPhotos({ db: deps.db, ideaId: i.id })).map((p) => ({
      id: p.id,
      url: `/api/public/ideas/track/${code}/files/${p.id}`,
    })),
    steps: steps
      .filter((s) => s.public)
      .map((s) => ({ action: s.action, toStatus: s.toStatus, note: s.note, actorName: null, at: s.at })),
  };
}

/** Earlier ideas like a draft, within the submitter's enterprise (shown while typing, before submitting). */
export async function similarForDraft({ ctx, text }: { ctx: Ctx; text: string }): Promise<SimilarIdea[]> {
  const paths = new Set<string>();
  if (ctx.actor.personId) {
    const [p] = await ctx.db
      .select({ path: orgs.path })
      .from(people)
      .innerJoin(orgs, eq(orgs.id, people.orgId))
      .where(eq(people.id, ctx.actor.personId));
    if (p) paths.add(enterprisePrefixOf(p.path));
  }
  if (paths.size === 0) for (const g of ctx.actor.grants) paths.add(enterprisePrefixOf(g.orgPath));
  const out = (
    await Promise.all([...paths].map((scopePath) => repo.similarIdeas({ db: ctx.db, text, scopePath })))
  ).flat();
  return out.map((s) => ({ ...s, status: s.status as IdeaStatus })).slice(0, 5);
}

/** The same for the anonymous page: ideas of the chosen org's enterprise (title and status only). */
export async function similarForPublic({
  deps,
  text,
  orgCode,
}: {
  deps: Pick<Deps, 'db'>;
  text: string;
  orgCode?: string;
}) {
  if (!orgCode) return [];
  const [org] = await deps.db.select({ path: orgs.path }).from(orgs).where(eq(orgs.code, orgCode));
  if (!org) return [];
  const rows = await repo.similarIdeas({ db: deps.db, text, scopePath: enterprisePrefixOf(org.path) });
  return rows.map((s) => ({ ...s, status: s.status as IdeaStatus }));
}

/** Enterprises and branches an anonymous submitter may choose, with their parent's name. */
export async function publicOrgs({ deps }: { deps: Pick<Deps, 'db'> }) {
  const rows = await deps.db
    .select({
      id: orgs.id,
      code: orgs.code,
      name: orgs.name,
      kind: orgs.kind,
      parentId: orgs.parentId,
      path: orgs.path,
    })
    .from(orgs)
    .where(and(isNull(orgs.archivedAt), inArray(orgs.kind, ['enterprise', 'branch'])))
    .orderBy(orgs.path)
    .limit(2000);
  const names = new Map(rows.map((r) => [r.id, r.name]));
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    kind: r.kind,
    parentName: r.parentId ? (names.get(r.parentId) ?? null) : null,
  }));
}
