/** Roles are granted on an org node and cover its subtree. */
export const roles = ['group_admin', 'enterprise_admin', 'studio_leader', 'studio_member', 'expert', 'employee'] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, { zh: string; en: string }> = {
  group_admin: { zh: '集团工会管理员', en: 'Group union admin' },
  enterprise_admin: { zh: '企业工会管理员', en: 'Enterprise union admin' },
  studio_leader: { zh: '工作室领衔人', en: 'Studio leader' },
  studio_member: { zh: '工作室成员', en: 'Studio member' },
  expert: { zh: '评审专家', en: 'Expert reviewer' },
  employee: { zh: '职工', en: 'Employee' },
};

/**
 * What each role may do, by permission name. A grant allows the permission on things whose org lies
 * in the grant's subtree. Modules add their permissions here so the UI and the server read one map.
 */
export const permissions = {
  'orgs.read': ['group_admin', 'enterprise_admin', 'studio_leader', 'studio_member', 'expert', 'employee'],
  'orgs.write': ['group_admin', 'enterprise_admin'],
  'orgs.import': ['group_admin', 'enterprise_admin'],
  'people.read': ['group_admin', 'enterprise_admin', 'studio_leader'],
  'people.write': ['group_admin', 'enterprise_admin'],
  'people.import': ['group_admin', 'enterprise_admin'],
  'users.manage': ['group_admin', 'enterprise_admin'],
  'roles.grant': ['group_admin', 'enterprise_admin'],
  'audit.read': ['group_admin', 'enterprise_admin'],
  // Studios: everyone may read the studios of their subtree; admins manage them. Leaders and members act on
  // their own studio through membership (checked per studio in studios.access.ts), so they hold these too.
  'studios.read': ['group_admin', 'enterprise_admin', 'studio_leader', 'studio_member', 'expert', 'employee'],
  'studios.manage': ['group_admin', 'enterprise_admin', 'studio_leader'],
  'studios.contribute': ['group_admin', 'enterprise_admin', 'studio_leader', 'studio_member'],
  'studios.create': ['group_admin', 'enterprise_admin'],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof permissions;

/** Roles an actor with `role` may grant to others (never more than they hold). */
export const grantableRoles: Record<Role, readonly Role[]> = {
  group_admin: roles,
  enterprise_admin: ['enterprise_admin', 'studio_leader', 'studio_member', 'expert', 'employee'],
  studio_leader: [],
  studio_member: [],
  expert: [],
  employee: [],
};
