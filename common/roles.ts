/** Roles are granted on an org node and cover its subtree. */
export const roles = [
  'group_admin',
  'enterprise_admin',
  'studio_leader',
  'studio_member',
  'expert',
  'employee',
] as const;
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
  // Naming history entries are the group union's record; the health watch (at-risk list) is for admins.
  'studios.namings': ['group_admin'],
  'studios.monitor': ['group_admin', 'enterprise_admin'],
  // Studio life (issue 6): fund ledgers are read by admins and the studio's own people; admins allocate,
  // approve spending and run alliances. Activities, contests and mentoring use the studios.* permissions.
  'funds.read': ['group_admin', 'enterprise_admin', 'studio_leader', 'studio_member'],
  'funds.allocate': ['group_admin', 'enterprise_admin'],
  'funds.approve': ['group_admin', 'enterprise_admin'],
  'alliances.manage': ['group_admin', 'enterprise_admin'],
  // Naming (issue 3): rulebooks are read by everyone who applies or reviews, edited by the group admin only.
  // Applications are seen by their studio's people, admins over the studio and the experts assigned to them;
  // the per-application role (leader / enterprise admin / group admin) is decided by the workflow table.
  'rulebooks.read': ['group_admin', 'enterprise_admin', 'studio_leader', 'expert'],
  'rulebooks.manage': ['group_admin'],
  'applications.read': ['group_admin', 'enterprise_admin', 'studio_leader', 'studio_member', 'expert'],
  'applications.apply': ['studio_leader'],
  'applications.review': ['group_admin', 'enterprise_admin'],
  'applications.decide': ['group_admin'],
  'reviews.score': ['expert'],
  // Annual assessment (issue 3): the studio's people, admins over it and assigned reviewers see assessments (checked
  // per assessment); the group admin opens campaigns, assigns reviewers and decides outcomes. Revocation and merge
  // are proposed by an admin over the studio and approved by the group admin.
  'assessments.read': ['group_admin', 'enterprise_admin', 'studio_leader', 'studio_member', 'expert'],
  'assessments.manage': ['group_admin'],
  'studioChanges.propose': ['group_admin', 'enterprise_admin'],
  'studioChanges.decide': ['group_admin'],
  // Innovation work (issue 4): studios propose projects and enter results (studios.manage / contribute); admins
  // over the studio approve projects and do the first review of results; the group admin recognises results;
  // assigned experts score; finance sign-off of benefit (for now held by the union admins); the adopting
  // enterprise's admin records adoptions.
  'projects.approve': ['group_admin', 'enterprise_admin'],
  'results.review': ['group_admin', 'enterprise_admin'],
  'results.recognise': ['group_admin'],
  'results.score': ['expert'],
  'benefits.verify': ['group_admin', 'enterprise_admin'],
  'adoptions.record': ['group_admin', 'enterprise_admin'],
  // Engagement (issue 5): every user submits ideas, asks the clinic, bids through their studio (studios.manage);
  // admins route and oversee ideas, post challenges, correct points and grant awards; the group admin tunes rules.
  'ideas.manage': ['group_admin', 'enterprise_admin'],
  'challenges.manage': ['group_admin', 'enterprise_admin'],
  'points.rules': ['group_admin'],
  'points.ledger': ['group_admin', 'enterprise_admin'],
  'awards.manage': ['group_admin', 'enterprise_admin'],
  // Insight (issue 7): dashboards, comparisons, ledgers out and in, reports and upward forms are the union admins'
  // tools over their subtree. Search is open to every user, scoped per type by that type's read permission.
  'stats.read': ['group_admin', 'enterprise_admin'],
  'ledgers.export': ['group_admin', 'enterprise_admin'],
  'ledgers.import': ['group_admin', 'enterprise_admin'],
  'reports.generate': ['group_admin', 'enterprise_admin'],
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
