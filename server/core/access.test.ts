import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../common/roles.js';
import { orgs } from '../modules/orgs/orgs.table.js';
import { type Actor, abilitiesFor, can, inScope, permissionsOf, scopeOf } from './access.js';

const actor = (...grants: [Role, string][]): Actor => ({
  userId: 1,
  username: 'u',
  name: 'u',
  personId: null,
  grants: grants.map(([role, orgPath], i) => ({
    id: i + 1,
    role,
    orgId: i + 1,
    orgPath,
    orgName: `org${i}`,
  })),
});
const render = (q: ReturnType<typeof inScope>) => new PgDialect().sqlToQuery(q);

describe('scopeOf', () => {
  it('keeps only grants whose role holds the permission', () => {
    const a = actor(['employee', '/1/2/'], ['enterprise_admin', '/1/3/']);
    expect(scopeOf(a, 'people.write')).toEqual(['/1/3/']);
    expect(scopeOf(a, 'orgs.read')).toEqual(['/1/2/', '/1/3/']);
    expect(scopeOf(actor(['employee', '/1/2/']), 'audit.read')).toEqual([]);
  });

  it('collapses nested and duplicate prefixes to the outermost', () => {
    const a = actor(
      ['enterprise_admin', '/1/5/23/'],
      ['group_admin', '/1/'],
      ['enterprise_admin', '/1/5/'],
      ['group_admin', '/1/'],
    );
    expect(scopeOf(a, 'orgs.write')).toEqual(['/1/']);
    const b = actor(
      ['enterprise_admin', '/1/5/23/'],
      ['enterprise_admin', '/1/5/'],
      ['enterprise_admin', '/1/7/'],
    );
    expect(scopeOf(b, 'orgs.write')).toEqual(['/1/5/', '/1/7/']);
  });

  it('does not treat /1/5/ as a prefix of /1/50/', () => {
    const a = actor(['enterprise_admin', '/1/50/'], ['enterprise_admin', '/1/5/']);
    expect(scopeOf(a, 'orgs.write')).toEqual(['/1/5/', '/1/50/']);
  });
});

describe('can', () => {
  const a = actor(['enterprise_admin', '/1/5/'], ['employee', '/1/7/9/']);
  it('allows a permission over the subtree of a grant only', () => {
    expect(can(a, 'people.write', '/1/5/')).toBe(true);
    expect(can(a, 'people.write', '/1/5/23/44/')).toBe(true);
    expect(can(a, 'people.write', '/1/50/')).toBe(false);
    expect(can(a, 'people.write', '/1/')).toBe(false);
    expect(can(a, 'people.write', '/1/7/9/')).toBe(false);
    expect(can(a, 'orgs.read', '/1/7/9/')).toBe(true);
  });
  it('without a path asks whether the permission is held anywhere', () => {
    expect(can(a, 'people.write')).toBe(true);
    expect(can(actor(['employee', '/1/']), 'people.write')).toBe(false);
    expect(can(actor(), 'orgs.read')).toBe(false);
  });
  it('lists the permissions held and the abilities on a thing', () => {
    expect(permissionsOf(actor(['employee', '/1/']))).toEqual(
      expect.arrayContaining(['orgs.read', 'studios.read']),
    );
    expect(permissionsOf(actor(['employee', '/1/']))).not.toContain('people.read');
    expect(abilitiesFor(a, '/1/5/6/', { update: 'people.write', audit: 'audit.read' })).toEqual({
      update: true,
      audit: true,
    });
    expect(abilitiesFor(a, '/1/6/', { update: 'people.write' })).toEqual({ update: false });
  });
});

describe('inScope', () => {
  it('matches nothing for an empty scope', () => {
    expect(render(inScope(orgs.path, [])).sql).toBe('false');
  });
  it('ORs one prefix range per scope path (an index serves it in a generic plan), passing paths as parameters', () => {
    const q = render(inScope(orgs.path, ['/1/5/', '/1/7/']));
    expect(q.sql).toBe(
      '(("orgs"."path" ~>=~ $1 AND "orgs"."path" ~<~ $2) OR ("orgs"."path" ~>=~ $3 AND "orgs"."path" ~<~ $4))',
    );
    expect(q.params).toEqual(['/1/5/', '/1/5/~', '/1/7/', '/1/7/~']);
  });
});
