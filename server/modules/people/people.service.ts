import type { Education, Gender, SkillGrade } from '../../../common/enums.js';
import type { Permission } from '../../../common/roles.js';
import type { Person, PersonCreate, PersonListQuery, PersonUpdate } from '../../../common/schemas/people.js';
import { abilitiesFor, can, scopeOf } from '../../core/access.js';
import { recordAudit } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import { AppError, conflict, forbidden, mapUniqueViolation } from '../../core/errors.js';
import { pageResult } from '../../core/pagination.js';
import { findOrgInScope } from '../orgs/orgs.repository.js';
import { peopleErrors } from './people.errors.js';
import * as repo from './people.repository.js';

function toPerson(ctx: Ctx, r: repo.PersonJoined): Person {
  const p = r.person;
  return {
    id: p.id,
    orgId: p.orgId,
    orgName: r.orgName,
    employeeNo: p.employeeNo,
    name: p.name,
    gender: p.gender as Gender | null,
    birthYear: p.birthYear,
    education: p.education as Education | null,
    skillGrade: p.skillGrade as SkillGrade | null,
    professionalTitle: p.professionalTitle,
    trade: p.trade,
    phone: p.phone,
    email: p.email,
    honours: p.honours,
    userId: r.userId,
    username: r.username,
    archivedAt: p.archivedAt,
    version: p.version,
    updatedAt: p.updatedAt,
    abilities: {
      ...abilitiesFor(ctx.actor, r.orgPath, {
        update: 'people.write',
        archive: 'people.write',
        manageAccount: 'users.manage',
      }),
      // A person may always read their own record.
    },
  };
}

/**
 * A person the actor may see (404 otherwise); with `permission`, also one they may act on (403 when
 * visible but not allowed). People are visible to holders of people.read, and each user sees themself.
 */
export async function getPersonRow({
  ctx,
  id,
  permission,
}: {
  ctx: Ctx;
  id: number;
  permission?: Permission;
}) {
  const own = ctx.actor.personId === id;
  const scope = own ? ['/'] : scopeOf(ctx.actor, 'people.read');
  const row = await repo.findPersonInScope({ db: ctx.db, scope, id });
  if (!row) throw peopleErrors.notFound();
  if (permission && !can(ctx.actor, permission, row.orgPath)) throw forbidden();
  return { ...row.person, orgPath: row.orgPath, orgName: row.orgName, joined: row };
}

/** Gets a person; throws people.not_found outside the actor's scope. */
export async function getPerson({ ctx, id }: { ctx: Ctx; id: number }): Promise<Person> {
  const row = await getPersonRow({ ctx, id });
  return toPerson(ctx, row.joined);
}

/** Finds a page of people in the actor's scope. */
export async function findPeople({ ctx, query }: { ctx: Ctx; query: PersonListQuery }) {
  const { items, total } = await repo.findPeople({
    db: ctx.db,
    scope: scopeOf(ctx.actor, 'people.read'),
    query,
  });
  return pageResult(
    items.map((r) => toPerson(ctx, r)),
    total,
    query,
  );
}

async function writableOrg(ctx: Ctx, orgId: number) {
  const org = await findOrgInScope({ db: ctx.db, scope: scopeOf(ctx.actor, 'orgs.read'), id: orgId });
  if (!org || org.archivedAt)
    throw new AppError('orgs.not_found', 404, { fields: { orgId: '组织不存在或无权访问' } });
  if (!can(ctx.actor, 'people.write', org.path)) throw forbidden();
  return org;
}

/** Creates a person record in an org the actor may write. Throws people.employee_no_taken. */
export async function createPerson({ ctx, input }: { ctx: Ctx; input: PersonCreate }): Promise<Person> {
  const org = await writableOrg(ctx, input.orgId);
  const id = await ctx.db.transaction(async (tx) => {
    const row = await repo
      .insertPerson({ db: tx, values: { ...input, email: input.email ?? null } })
      .catch((e) => mapUniqueViolation(e, { people_employee_no_key: peopleErrors.employeeNoTaken }));
    await recordAudit(tx, ctx, {
      action: 'people.create',
      entityType: 'person',
      entityId: row.id,
      orgId: org.id,
      orgPath: org.path,
      after: row,
    });
    return row.id;
  });
  return getPerson({ ctx, id });
}

/** The person as it stands now (after a concurrent write won), for a 409's `details.current`; pass the transaction's ctx. */
async function currentPerson(ctx: Ctx, id: number): Promise<Person> {
  return toPerson(ctx, (await getPersonRow({ ctx, id, permission: 'people.write' })).joined);
}

/** Edits a person (moving them to another org needs write access on both). 409 on a stale version. */
export async function updatePerson({
  ctx,
  id,
  input,
}: {
  ctx: Ctx;
  id: number;
  input: PersonUpdate;
}): Promise<Person> {
  const before = await getPersonRow({ ctx, id, permission: 'people.write' });
  const target = input.orgId && input.orgId !== before.orgId ? await writableOrg(ctx, input.orgId) : null;
  const { version, ...set } = input;
  await ctx.db.transaction(async (tx) => {
    const row = await repo
      .updatePersonRow({ db: tx, id, version, set, now: ctx.clock.now().toISOString() })
      .catch((e) => mapUniqueViolation(e, { people_employee_no_key: peopleErrors.employeeNoTaken }));
    if (!row) throw conflict('conflict.stale', { current: await currentPerson({ ...ctx, db: tx }, id) });
    const { joined: _j, orgPath: _p, orgName: _n, ...plain } = before;
    await recordAudit(tx, ctx, {
      action: 'people.update',
      entityType: 'person',
      entityId: id,
      orgId: row.orgId,
      orgPath: target?.path ?? before.orgPath,
      before: plain,
      after: row,
    });
  });
  return getPerson({ ctx, id });
}

/** Archives or restores a person (soft delete). */
export async function setPersonArchived({
  ctx,
  id,
  version,
  archived,
}: {
  ctx: Ctx;
  id: number;
  version: number;
  archived: boolean;
}) {
  const before = await getPersonRow({ ctx, id, permission: 'people.write' });
  await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now().toISOString();
    const row = await repo.updatePersonRow({
      db: tx,
      id,
      version,
      set: { archivedAt: archived ? now : null },
      now,
    });
    if (!row) throw conflict('conflict.stale', { current: await currentPerson({ ...ctx, db: tx }, id) });
    await recordAudit(tx, ctx, {
      action: archived ? 'people.archive' : 'people.restore',
      entityType: 'person',
      entityId: id,
      orgId: row.orgId,
      orgPath: before.orgPath,
      before: { archivedAt: before.archivedAt },
      after: { archivedAt: row.archivedAt },
    });
  });
  return getPerson({ ctx, id });
}
