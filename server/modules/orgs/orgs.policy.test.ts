import { describe, expect, it } from 'vitest';
import { orgKinds } from '../../../common/enums.js';
import type { Role } from '../../../common/roles.js';
import type { Actor } from '../../core/access.js';
import { kindFitsUnder, orgAbilities, wouldCycle } from './orgs.policy.js';

const actor = (role: Role, orgPath: string): Actor => ({
  userId: 1,
  username: 'u',
  name: 'u',
  personId: null,
  grants: [{ id: 1, role, orgId: 1, orgPath, orgName: 'x' }],
});

describe('kindFitsUnder', () => {
  it('allows a node only under a kind of strictly higher rank', () => {
    expect(kindFitsUnder('enterprise', 'group')).toBe(true);
    expect(kindFitsUnder('team', 'workshop')).toBe(true);
    expect(kindFitsUnder('team', 'enterprise')).toBe(true); // levels may be skipped
    expect(kindFitsUnder('workshop', 'workshop')).toBe(false);
    expect(kindFitsUnder('enterprise', 'branch')).toBe(false);
    for (const k of orgKinds) expect(kindFitsUnder('group', k)).toBe(false);
  });
});

describe('wouldCycle', () => {
  it('refuses a move under the node itself or any descendant', () => {
    expect(wouldCycle('/1/5/', '/1/5/')).toBe(true);
    expect(wouldCycle('/1/5/', '/1/5/23/')).toBe(true);
    expect(wouldCycle('/1/5/', '/1/5/23/44/')).toBe(true);
  });
  it('allows a move under a sibling, an ancestor or a look-alike id', () => {
    expect(wouldCycle('/1/5/', '/1/6/')).toBe(false);
    expect(wouldCycle('/1/5/', '/1/')).toBe(false);
    expect(wouldCycle('/1/5/', '/1/50/')).toBe(false);
  });
});

describe('orgAbilities', () => {
  it('lets an enterprise admin edit their enterprise but not move or archive its root', () => {
    const a = actor('enterprise_admin', '/1/5/');
    expect(orgAbilities(a, { path: '/1/5/', parentId: 1 })).toEqual({
      update: true,
      createChild: true,
      import: true,
      move: false,
      archive: false,
    });
    expect(orgAbilities(a, { path: '/1/5/9/', parentId: 5 })).toMatchObject({ move: true, archive: true });
    expect(orgAbilities(a, { path: '/1/6/', parentId: 1 })).toMatchObject({ update: false, move: false });
    expect(orgAbilities(actor('employee', '/1/'), { path: '/1/5/9/', parentId: 5 })).toMatchObject({
      update: false,
      archive: false,
    });
    expect(orgAbilities(actor('group_admin', '/1/'), { path: '/1/', parentId: null })).toMatchObject({
      update: true,
      move: false,
    });
  });
});
