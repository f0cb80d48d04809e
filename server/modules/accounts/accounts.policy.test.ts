import { describe, expect, it } from 'vitest';
import { type Role, roles } from '../../../common/roles.js';
import type { Actor } from '../../core/access.js';
import { canGrantRole, isStrongPassword } from './accounts.policy.js';

const actor = (...grants: [Role, string][]): Actor => ({
  userId: 1,
  username: 'u',
  name: 'u',
  personId: null,
  grants: grants.map(([role, orgPath], i) => ({ id: i + 1, role, orgId: i + 1, orgPath, orgName: 'x' })),
});

describe('canGrantRole', () => {
  it('lets a group admin grant any role inside the group', () => {
    const a = actor(['group_admin', '/1/']);
    for (const r of roles) expect(canGrantRole(a, r, '/1/5/')).toBe(true);
    expect(canGrantRole(a, 'employee', '/2/')).toBe(false);
  });
  it('keeps an enterprise admin below group admin and inside their enterprise', () => {
    const a = actor(['enterprise_admin', '/1/5/']);
    expect(canGrantRole(a, 'group_admin', '/1/5/')).toBe(false);
    expect(canGrantRole(a, 'enterprise_admin', '/1/5/9/')).toBe(true);
    expect(canGrantRole(a, 'studio_leader', '/1/5/9/')).toBe(true);
    expect(canGrantRole(a, 'studio_leader', '/1/6/')).toBe(false);
    expect(canGrantRole(a, 'studio_leader', '/1/50/')).toBe(false);
    expect(canGrantRole(a, 'expert', '/1/')).toBe(false);
  });
  it('lets no other role grant anything', () => {
    for (const r of ['studio_leader', 'studio_member', 'expert', 'employee'] as const) {
      for (const g of roles) expect(canGrantRole(actor([r, '/1/']), g, '/1/5/')).toBe(false);
    }
  });
});

describe('isStrongPassword', () => {
  it('needs 8 characters with letters and digits', () => {
    expect(isStrongPassword('abcdefg1')).toBe(true);
    expect(isStrongPassword('jiangxin-demo-1')).toBe(true);
    expect(isStrongPassword('abc1')).toBe(false);
    expect(isStrongPassword('abcdefgh')).toBe(false);
    expect(isStrongPassword('12345678')).toBe(false);
    expect(isStrongPassword('密码密码密码密码1')).toBe(false);
  });
});
