import crypto from 'node:crypto';
import { and, eq, gt, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Permission, Role } from '../../common/roles.js';
import { roleGrants, sessions, users } from '../modules/accounts/accounts.table.js';
import { orgs } from '../modules/orgs/orgs.table.js';
import { type Actor, can, type Grant } from './access.js';
import type { Ctx, Deps } from './context.js';
import type { Db } from './db.js';
import { AppError, langOf } from './errors.js';

export const SESSION_COOKIE = 'jx_session';
export const CSRF_HEADER = 'x-csrf-token';

/** Who may call a route: everyone, any logged-in user, or holders of a permission somewhere. Required on every /api route. */
export type RouteAccess = 'public' | 'authenticated' | Permission;

/** One /api route with the access it declares: the authorization matrix test walks this table. */
export interface RouteEntry {
  method: string;
  url: string;
  access: RouteAccess;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: RouteEntry[];
  }
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    actor: Actor | null;
    sessionId: string | null;
    csrfToken: string | null;
    /** The service context for this request; throws 401 when nobody is logged in. */
    ctx(): Ctx;
  }
}

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}
export function newToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/** Loads the actor of a user: identity plus role grants with their org paths. */
export async function loadActor(deps: Pick<Deps, 'db'>, userId: number): Promise<Actor | null> {
  const [u] = await deps.db
    .select({ id: users.id, username: users.username, name: users.displayName, personId: users.personId })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.disabled, false)));
  if (!u) return null;
  const grants = await deps.db
    .select({
      id: roleGrants.id,
      role: roleGrants.role,
      orgId: roleGrants.orgId,
      orgPath: orgs.path,
      orgName: orgs.name,
    })
    .from(roleGrants)
    .innerJoin(orgs, eq(orgs.id, roleGrants.orgId))
    .where(eq(roleGrants.userId, userId));
  return {
    userId: u.id,
    username: u.username,
    name: u.name,
    personId: u.personId,
    grants: grants.map((g) => ({ ...g, role: g.role as Role })),
  };
}

/** The session statement, prepared once per database: PostgreSQL plans it once per connection, not per request. */
function sessionQuery(db: Db) {
  return db
    .select({
      csrfToken: sessions.csrfToken,
      userId: users.id,
      username: users.username,
      name: users.displayName,
      personId: users.personId,
      grants: sql<Grant[] | string>`coalesce((SELECT json_agg(json_build_object('id', g.id, 'role', g.role,
          'orgId', g.org_id, 'orgPath', o.path, 'orgName', o.name) ORDER BY g.id)
        FROM role_grants g JOIN orgs o ON o.id = g.org_id WHERE g.user_id = ${users.id}), '[]'::json)`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.id, sql.placeholder('id')),
        gt(sessions.expiresAt, sql.placeholder('now')),
        eq(users.disabled, false),
      ),
    )
    .prepare('jx_session_actor');
}
const sessionQueries = new WeakMap<Db, ReturnType<typeof sessionQuery>>();

/**
 * The live session's actor in one round trip (every request pays it, so no second and third query): the session
 * must exist and be unexpired and its user enabled; the grants come along as JSON. Nothing is cached in the
 * process, so a logout, a disabled user or a changed grant takes effect at once in every app process.
 */
async function sessionActor(
  deps: Pick<Deps, 'db' | 'clock'>,
  sessionId: string,
): Promise<{ actor: Actor; csrfToken: string } | null> {
  let query = sessionQueries.get(deps.db);
  if (!query) {
    query = sessionQuery(deps.db);
    sessionQueries.set(deps.db, query);
  }
  const [row] = await query.execute({ id: sessionId, now: deps.clock.now().toISOString() });
  if (!row) return null;
  const grants = typeof row.grants === 'string' ? (JSON.parse(row.grants) as Grant[]) : row.grants;
  return {
    csrfToken: row.csrfToken,
    actor: { userId: row.userId, username: row.username, name: row.name, personId: row.personId, grants },
  };
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves the session cookie into `req.actor`, enforces each route's declared access, and checks the
 * CSRF token on every state-changing request made with a session.
 */
export function registerAuth(app: FastifyInstance, deps: Deps) {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('ctx', function (this: FastifyRequest): Ctx {
    if (!this.actor) throw new AppError('auth.unauthenticated', 401);
    return { ...deps, actor: this.actor, ip: this.ip ?? null, lang: langOf(this) };
  });

  const table: RouteEntry[] = [];
  app.decorate('routeTable', table);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    const access = route.config?.access;
    if (!access) throw new Error(`route ${route.method} ${route.url} declares no access`);
    for (const method of [route.method].flat())
      if (method !== 'HEAD') table.push({ method, url: route.url, access });
  });

  // onRequest runs before the body is parsed and validated: nobody learns anything about a route they may not call.
  app.addHook('onRequest', async (req) => {
    const access = req.routeOptions.config?.access;
    if (!access) return;
    const token = req.cookies?.[SESSION_COOKIE];
    if (token) {
      const id = hashToken(token);
      const s = await sessionActor(deps, id);
      if (s) {
        req.actor = s.actor;
        req.sessionId = id;
        req.csrfToken = s.csrfToken;
      }
    }
    if (access === 'public') return;
    if (!req.actor) throw new AppError('auth.unauthenticated', 401);
    if (!safeMethods.has(req.method)) {
      const sent = req.headers[CSRF_HEADER];
      const ok =
        typeof sent === 'string' &&
        sent.length === req.csrfToken!.length &&
        crypto.timingSafeEqual(Buffer.from(sent), Buffer.from(req.csrfToken!));
      if (!ok) throw new AppError('auth.csrf', 403);
    }
    if (access !== 'authenticated' && !can(req.actor, access)) throw new AppError('auth.forbidden', 403);
  });
}
