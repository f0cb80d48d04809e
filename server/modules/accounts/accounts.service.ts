import { hash, verify } from '@node-rs/argon2';
import type { Role } from '../../../common/roles.js';
import type { Account, Me } from '../../../common/schemas/auth.js';
import { can, permissionsOf } from '../../core/access.js';
import { recordAudit } from '../../core/audit.js';
import { hashToken, loadActor, newToken } from '../../core/auth.js';
import type { Ctx, Deps } from '../../core/context.js';
import { AppError, forbidden, mapUniqueViolation } from '../../core/errors.js';
import { orgErrors } from '../orgs/orgs.errors.js';
import { findOrgInScope } from '../orgs/orgs.repository.js';
import { getPersonRow } from '../people/people.service.js';
import { accountErrors } from './accounts.errors.js';
import { canGrantRole, isStrongPassword, LOCKOUT_MINUTES, LOCKOUT_THRESHOLD } from './accounts.policy.js';
import * as repo from './accounts.repository.js';
import { users } from './accounts.table.js';

export const hashPassword = (pw: string) => hash(pw);

// Verifying against a fixed hash when the user does not exist keeps the timing the same.
let dummyHash: string | null = null;

/**
 * Checks a username and password and opens a new session (any session the browser already had is
 * ended, so a planted cookie cannot be fixed). Throws auth.invalid_credentials, auth.locked, auth.disabled.
 */
export async function login({
  deps,
  username,
  password,
  ip,
  userAgent,
  previousSessionId,
}: {
  deps: Deps;
  username: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
  previousSessionId: string | null;
}) {
  const now = deps.clock.now();
  const user = await repo.findUserByUsername({ db: deps.db, username });
  if (!user) {
    dummyHash ??= await hash('not-a-real-password-0');
    await verify(dummyHash, password).catch(() => false);
    throw accountErrors.invalidCredentials();
  }
  if (user.lockedUntil && new Date(user.lockedUntil) > now) throw accountErrors.locked(user.lockedUntil);
  const ok = await verify(user.passwordHash, password).catch(() => false);
  const sysCtx = { actor: { userId: user.id, name: user.displayName } as never, ip, clock: deps.clock };
  // Auth events carry the user's org so the admins over that org see them (e.g. to unlock an account).
  const orgPath = await repo.userOrgPath({ db: deps.db, userId: user.id });
  if (!ok) {
    const lockUntil = new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString();
    const locked = await deps.db.transaction(async (tx) => {
      const r = await repo.recordFailedLogin({
        db: tx,
        id: user.id,
        threshold: LOCKOUT_THRESHOLD,
        lockUntil,
      });
      await recordAudit(tx, sysCtx, {
        action: r.locked ? 'auth.locked' : 'auth.login_failed',
        entityType: 'user',
        entityId: user.id,
        orgPath,
        after: { failedLogins: r.failed, lockedUntil: r.locked ? lockUntil : null },
      });
      return r.locked;
    });
    if (locked) throw accountErrors.locked(lockUntil);
    throw accountErrors.invalidCredentials();
  }
  if (user.disabled) throw new AppError('auth.disabled', 403);
  return deps.db.transaction(async (tx) => {
    if (previousSessionId) await repo.deleteSession({ db: tx, id: previousSessionId });
    await repo.updateUser({ db: tx, id: user.id, set: { failedLogins: 0, lockedUntil: null } });
    await recordAudit(tx, sysCtx, { action: 'auth.login', entityType: 'user', entityId: user.id, orgPath });
    return startSession({ deps: { ...deps, db: tx }, userId: user.id, ip, userAgent });
  });
}

/** Opens a new session for a user: a fresh random token (only its hash is stored) and CSRF token. */
export async function startSession({
  deps,
  userId,
  ip,
  userAgent,
}: {
  deps: Deps;
  userId: number;
  ip: string | null;
  userAgent: string | null;
}) {
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(
    deps.clock.now().getTime() + deps.config.sessionTtlHours * 3_600_000,
  ).toISOString();
  await repo.insertSession({
    db: deps.db,
    values: { id: hashToken(token), userId, csrfToken, expiresAt, ip, userAgent },
  });
  const [actor, user] = await Promise.all([
    loadActor(deps, userId),
    repo.findUserById({ db: deps.db, id: userId }),
  ]);
  return { token, expiresAt, me: toMe(actor!, user!, csrfToken) };
}

function toMe(
  actor: NonNullable<Awaited<ReturnType<typeof loadActor>>>,
  user: { mustChangePassword: boolean; locale: string },
  csrfToken: string,
): Me {
  return {
    userId: actor.userId,
    username: actor.username,
    personId: actor.personId,
    name: actor.name,
    locale: user.locale === 'en' ? 'en' : 'zh',
    mustChangePassword: user.mustChangePassword,
    grants: actor.grants.map((g) => ({
      id: g.id,
      role: g.role,
      orgId: g.orgId,
      orgName: g.orgName,
      orgPath: g.orgPath,
    })),
    permissions: permissionsOf(actor),
    csrfToken,
  };
}

/** The current user with roles and permissions. */
export async function getMe({ ctx, csrfToken }: { ctx: Ctx; csrfToken: string }): Promise<Me> {
  const user = await repo.findUserById({ db: ctx.db, id: ctx.actor.userId });
  return toMe(ctx.actor, user!, csrfToken);
}

/** Ends the current session. */
export async function logout({ ctx, sessionId }: { ctx: Ctx; sessionId: string }) {
  await ctx.db.transaction(async (tx) => {
    await repo.deleteSession({ db: tx, id: sessionId });
    const orgPath = await repo.userOrgPath({ db: tx, userId: ctx.actor.userId });
    await recordAudit(tx, ctx, {
      action: 'auth.logout',
      entityType: 'user',
      entityId: ctx.actor.userId,
      orgPath,
    });
  });
}

/** Ends every session of the current user, on every device. */
export async function logoutEverywhere({ ctx }: { ctx: Ctx }) {
  await ctx.db.transaction(async (tx) => {
    const n = await repo.deleteUserSessions({ db: tx, userId: ctx.actor.userId });
    const orgPath = await repo.userOrgPath({ db: tx, userId: ctx.actor.userId });
    await recordAudit(tx, ctx, {
      action: 'auth.logout_all',
      entityType: 'user',
      entityId: ctx.actor.userId,
      orgPath,
      after: { sessions: n },
    });
  });
}

/** Changes the own password after checking the current one; every session ends (the route opens a fresh one). */
export async function changePassword({
  ctx,
  currentPassword,
  newPassword,
}: {
  ctx: Ctx;
  currentPassword: string;
  newPassword: string;
}) {
  const user = await repo.findUserById({ db: ctx.db, id: ctx.actor.userId });
  if (!user || !(await verify(user.passwordHash, currentPassword).catch(() => false)))
    throw accountErrors.wrongPassword();
  if (!isStrongPassword(newPassword)) throw accountErrors.weakPassword();
  const passwordHash = await hashPassword(newPassword);
  await ctx.db.transaction(async (tx) => {
    await repo.updateUser({ db: tx, id: user.id, set: { passwordHash, mustChangePassword: false } });
    await repo.deleteUserSessions({ db: tx, userId: user.id });
    const orgPath = await repo.userOrgPath({ db: tx, userId: user.id });
    await recordAudit(tx, ctx, {
      action: 'auth.password_change',
      entityType: 'user',
      entityId: user.id,
      orgPath,
    });
  });
}

/** Sets the own UI language. */
export async function setLocale({ ctx, locale }: { ctx: Ctx; locale: 'zh' | 'en' }) {
  await ctx.db.transaction(async (tx) => {
    await repo.updateUser({ db: tx, id: ctx.actor.userId, set: { locale } });
    const orgPath = await repo.userOrgPath({ db: tx, userId: ctx.actor.userId });
    await recordAudit(tx, ctx, {
      action: 'users.prefs',
      entityType: 'user',
      entityId: ctx.actor.userId,
      orgPath,
      after: { locale },
    });
  });
}

/** A user the actor may manage (by the org of the user's person); 404 outside the scope. */
async function getManagedUser(ctx: Ctx, userId: number) {
  const user = await repo.findUserById({ db: ctx.db, id: userId });
  const path = user ? await repo.userOrgPath({ db: ctx.db, userId }) : null;
  if (!user || !path || !can(ctx.actor, 'orgs.read', path)) throw accountErrors.userNotFound();
  if (!can(ctx.actor, 'users.manage', path)) throw forbidden();
  return { user, path };
}

/** An account with its grants. */
export async function getAccount({ ctx, userId }: { ctx: Ctx; userId: number }): Promise<Account> {
  const { user } = await getManagedUser(ctx, userId);
  const grants = await repo.grantsOfUsers({ db: ctx.db, userIds: [userId] });
  return {
    userId: user.id,
    username: user.username,
    personId: user.personId,
    name: user.displayName,
    disabled: user.disabled,
    lockedUntil: user.lockedUntil,
    grants: grants.map((g) => ({
      id: g.id,
      role: g.role as Role,
      orgId: g.orgId,
      orgName: g.orgName,
      orgPath: g.orgPath,
    })),
  };
}

/** Creates a login for a person in the actor's scope, with the 职工 role on the person's org. */
export async function createAccount({
  ctx,
  personId,
  username,
  password,
}: {
  ctx: Ctx;
  personId: number;
  username: string;
  password: string;
}) {
  const person = await getPersonRow({ ctx, id: personId, permission: 'users.manage' });
  if (!isStrongPassword(password))
    throw new AppError('auth.weak_password', 400, {
      fields: { password: '至少 8 位，且需同时包含字母和数字' },
    });
  const passwordHash = await hashPassword(password);
  const userId = await ctx.db.transaction(async (tx) => {
    const [u] = await tx
      .insert(users)
      .values({ personId, username, displayName: person.name, passwordHash, mustChangePassword: true })
      .returning()
      .catch((e) =>
        mapUniqueViolation(e, {
          users_username_key: accountErrors.usernameTaken,
          users_person_key: accountErrors.personHasAccount,
        }),
      );
    await repo.insertGrant({ db: tx, userId: u!.id, role: 'employee', orgId: person.orgId });
    await recordAudit(tx, ctx, {
      action: 'users.create',
      entityType: 'user',
      entityId: u!.id,
      orgId: person.orgId,
      orgPath: person.orgPath,
      after: { username, personId, grants: ['employee'] },
    });
    return u!.id;
  });
  return getAccount({ ctx, userId });
}

/** Admin reset: sets a temporary password, unlocks the account and ends its sessions. */
export async function resetPassword({
  ctx,
  userId,
  newPassword,
}: {
  ctx: Ctx;
  userId: number;
  newPassword: string;
}) {
  const { path } = await getManagedUser(ctx, userId);
  if (!isStrongPassword(newPassword)) throw accountErrors.weakPassword();
  const passwordHash = await hashPassword(newPassword);
  await ctx.db.transaction(async (tx) => {
    await repo.updateUser({
      db: tx,
      id: userId,
      set: { passwordHash, mustChangePassword: true, failedLogins: 0, lockedUntil: null },
    });
    await repo.deleteUserSessions({ db: tx, userId });
    await recordAudit(tx, ctx, {
      action: 'users.reset_password',
      entityType: 'user',
      entityId: userId,
      orgPath: path,
    });
  });
}

/** Disables or re-enables an account; disabling ends its sessions. */
export async function setDisabled({
  ctx,
  userId,
  disabled,
}: {
  ctx: Ctx;
  userId: number;
  disabled: boolean;
}) {
  const { user, path } = await getManagedUser(ctx, userId);
  if (userId === ctx.actor.userId) throw forbidden();
  await ctx.db.transaction(async (tx) => {
    await repo.updateUser({ db: tx, id: userId, set: { disabled } });
    if (disabled) await repo.deleteUserSessions({ db: tx, userId });
    await recordAudit(tx, ctx, {
      action: disabled ? 'users.disable' : 'users.enable',
      entityType: 'user',
      entityId: userId,
      orgPath: path,
      before: { disabled: user.disabled },
      after: { disabled },
    });
  });
  return getAccount({ ctx, userId });
}

/** Grants a role on an org node. The actor must manage the user and be able to grant that role over the org. */
export async function grantRole({
  ctx,
  userId,
  role,
  orgId,
}: {
  ctx: Ctx;
  userId: number;
  role: Role;
  orgId: number;
}) {
  await getManagedUser(ctx, userId);
  const org = await findOrgInScope({ db: ctx.db, scope: ctx.actor.grants.map((g) => g.orgPath), id: orgId });
  if (!org) throw orgErrors.notFound();
  if (!canGrantRole(ctx.actor, role, org.path)) throw accountErrors.grantOutOfScope();
  await ctx.db.transaction(async (tx) => {
    const g = await repo.insertGrant({ db: tx, userId, role, orgId });
    if (g)
      await recordAudit(tx, ctx, {
        action: 'roles.grant',
        entityType: 'user',
        entityId: userId,
        orgId,
        orgPath: org.path,
        after: { role, orgId },
      });
  });
  return getAccount({ ctx, userId });
}

/** Revokes a role grant the actor could have made. */
export async function revokeRole({ ctx, userId, grantId }: { ctx: Ctx; userId: number; grantId: number }) {
  await getManagedUser(ctx, userId);
  const g = await repo.findGrant({ db: ctx.db, id: grantId });
  if (!g || g.userId !== userId) throw accountErrors.grantNotFound();
  if (!canGrantRole(ctx.actor, g.role as Role, g.orgPath)) throw accountErrors.grantOutOfScope();
  await ctx.db.transaction(async (tx) => {
    await repo.deleteGrant({ db: tx, id: grantId });
    await recordAudit(tx, ctx, {
      action: 'roles.revoke',
      entityType: 'user',
      entityId: userId,
      orgId: g.orgId,
      orgPath: g.orgPath,
      before: { role: g.role, orgId: g.orgId },
    });
  });
  return getAccount({ ctx, userId });
}
