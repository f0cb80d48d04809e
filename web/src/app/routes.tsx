import { lazy } from 'react';
import { type AppRoute, L } from './types';

/**
 * Every page of the app, one entry each. Add yours at the end: the page module must `export default` its component.
 * `permission` hides the page (403) from users without it; `parent` sets the breadcrumb trail.
 */
export const routes: AppRoute[] = [
  { path: '/', title: L('工作台', 'Workbench'), page: lazy(() => import('../modules/home/pages/HomePage')) },
  {
    path: '/account',
    title: L('我的账号', 'My account'),
    page: lazy(() => import('../modules/account/pages/MyAccountPage')),
  },
  {
    path: '/orgs',
    title: L('组织架构', 'Org structure'),
    permission: 'orgs.read',
    page: lazy(() => import('../modules/orgs/pages/OrgTreePage')),
  },
  {
    path: '/people',
    title: L('人员管理', 'People'),
    permission: 'people.read',
    page: lazy(() => import('../modules/people/pages/PeopleListPage')),
  },
  {
    path: '/people/:id',
    title: L('人员详情', 'Person'),
    parent: '/people',
    page: lazy(() => import('../modules/people/pages/PersonDetailPage')),
  },
  {
    path: '/audit',
    title: L('操作日志', 'Audit log'),
    permission: 'audit.read',
    page: lazy(() => import('../modules/audit/pages/AuditLogPage')),
  },
  {
    path: '/dashboard',
    title: L('数据看板', 'Dashboard'),
    permission: 'stats.read',
    page: lazy(() => import('../modules/dashboard/pages/DashboardPage')),
  },
  {
    path: '/ledgers/export',
    title: L('台账导出', 'Ledger export'),
    permission: 'ledgers.export',
    page: lazy(() => import('../modules/ledgers/pages/LedgerExportPage')),
  },
  {
    path: '/reports',
    title: L('报告与上报', 'Reports'),
    permission: 'reports.generate',
    page: lazy(() => import('../modules/reports/pages/ReportsPage')),
  },
  // Naming (issue 3): applications, expert reviews, 公示, the naming list and rulebooks.
  {
    path: '/applications',
    title: L('命名申报', 'Naming applications'),
    permission: 'applications.read',
    page: lazy(() => import('../modules/applications/pages/ApplicationsBoardPage')),
  },
  {
    path: '/applications/new',
    title: L('发起申报', 'New application'),
    permission: 'applications.apply',
    parent: '/applications',
    page: lazy(() => import('../modules/applications/pages/ApplyWizardPage')),
  },
  {
    path: '/applications/:id',
    title: L('申报详情', 'Application'),
    permission: 'applications.read',
    parent: '/applications',
    page: lazy(() => import('../modules/applications/pages/ApplicationDetailPage')),
  },
  {
    path: '/reviews',
    title: L('我的评审', 'My reviews'),
    permission: 'reviews.score',
    page: lazy(() => import('../modules/applications/pages/MyReviewsPage')),
  },
  {
    path: '/reviews/applications/:id',
    title: L('评分表', 'Score sheet'),
    permission: 'reviews.score',
    parent: '/reviews',
    page: lazy(() => import('../modules/applications/pages/ScoreSheetPage')),
  },
  {
    path: '/publicity',
    title: L('公示', 'Publicity'),
    page: lazy(() => import('../modules/applications/pages/PublicityPage')),
  },
  {
    path: '/namings',
    title: L('命名名单', 'Naming list'),
    permission: 'studios.read',
    page: lazy(() => import('../modules/applications/pages/NamingListPage')),
  },
  {
    path: '/rulebooks',
    title: L('评审规则', 'Rulebooks'),
    permission: 'rulebooks.read',
    page: lazy(() => import('../modules/rulebooks/pages/RulebooksPage')),
  },
  {
    path: '/rulebooks/:id',
    title: L('规则详情', 'Rulebook'),
    permission: 'rulebooks.read',
    parent: '/rulebooks',
    page: lazy(() => import('../modules/rulebooks/pages/RulebookDetailPage')),
  },
  {
    path: '/rulebooks/:id/edit',
    title: L('修订规则', 'Revise rulebook'),
    permission: 'rulebooks.manage',
    parent: '/rulebooks',
    page: lazy(() => import('../modules/rulebooks/pages/RulebookEditorPage')),
  },
  // Studio registry (issue 3): list, detail with tabs, create/edit form, health watch.
  {
    path: '/studios',
    title: L('工作室名录', 'Studios'),
    permission: 'studios.read',
    page: lazy(() => import('../modules/studios/pages/StudioListPage')),
  },
  {
    path: '/studios/new',
    title: L('新建工作室', 'New studio'),
    permission: 'studios.create',
    parent: '/studios',
    page: lazy(() => import('../modules/studios/pages/StudioFormPage')),
  },
  {
    path: '/studios/at-risk',
    title: L('健康预警', 'Health watch'),
    permission: 'studios.monitor',
    parent: '/studios',
    page: lazy(() => import('../modules/studios/pages/AtRiskPage')),
  },
  {
    path: '/studios/:id',
    title: L('工作室详情', 'Studio'),
    parent: '/studios',
    page: lazy(() => import('../modules/studios/pages/StudioDetailPage')),
  },
  {
    path: '/studios/:id/edit',
    title: L('编辑工作室', 'Edit studio'),
    parent: '/studios',
    page: lazy(() => import('../modules/studios/pages/StudioFormPage')),
  },
  // Engagement (issue 5): ideas, challenge board, clinic, points and awards, to-dos and notifications.
  {
    path: '/ideas',
    title: L('我的金点子', 'My ideas'),
    page: lazy(() => import('../modules/ideas/pages/IdeasPage')),
  },
  {
    path: '/ideas/new',
    title: L('提交金点子', 'Submit an idea'),
    parent: '/ideas',
    page: lazy(() => import('../modules/ideas/pages/IdeaSubmitPage')),
  },
  {
    path: '/ideas/queue',
    title: L('待我处理', 'My queue'),
    page: lazy(() => import('../modules/ideas/pages/IdeasPage').then((m) => ({ default: m.IdeaQueuePage }))),
  },
  {
    path: '/ideas/all',
    title: L('全部建议', 'All ideas'),
    permission: 'ideas.manage',
    page: lazy(() => import('../modules/ideas/pages/IdeasPage').then((m) => ({ default: m.AllIdeasPage }))),
  },
  {
    path: '/ideas/routes',
    title: L('分派规则', 'Routing rules'),
    permission: 'ideas.manage',
    parent: '/ideas/all',
    page: lazy(() => import('../modules/ideas/pages/IdeaRoutesPage')),
  },
  {
    path: '/ideas/:id',
    title: L('建议详情', 'Idea'),
    parent: '/ideas',
    page: lazy(() => import('../modules/ideas/pages/IdeaDetailPage')),
  },
  {
    path: '/challenges',
    title: L('揭榜挂帅', 'Challenge board'),
    page: lazy(() => import('../modules/challenges/pages/ChallengeBoardPage')),
  },
  {
    path: '/challenges/:id',
    title: L('榜单详情', 'Challenge'),
    parent: '/challenges',
    page: lazy(() => import('../modules/challenges/pages/ChallengeDetailPage')),
  },
  {
    path: '/clinic',
    title: L('技术门诊', 'Technical clinic'),
    page: lazy(() => import('../modules/clinic/pages/ClinicPage')),
  },
  {
    path: '/clinic/:id',
    title: L('门诊问题', 'Question'),
    parent: '/clinic',
    page: lazy(() => import('../modules/clinic/pages/ClinicDetailPage')),
  },
  {
    path: '/points',
    title: L('我的积分', 'My points'),
    page: lazy(() => import('../modules/points/pages/MyPointsPage')),
  },
  {
    path: '/points/leaderboard',
    title: L('积分排行榜', 'Leaderboard'),
    page: lazy(() => import('../modules/points/pages/LeaderboardPage')),
  },
  {
    path: '/points/awards',
    title: L('评优表彰', 'Awards'),
    page: lazy(() => import('../modules/points/pages/AwardsPage')),
  },
  {
    path: '/points/rules',
    title: L('积分规则', 'Points rules'),
    page: lazy(() => import('../modules/points/pages/PointRulesPage')),
  },
  {
    path: '/points/ledger',
    title: L('积分台账', 'Points ledger'),
    permission: 'points.ledger',
    page: lazy(() =>
      import('../modules/points/pages/PointRulesPage').then((m) => ({ default: m.PointLedgerPage })),
    ),
  },
  {
    path: '/notifications',
    title: L('待办与通知', 'To-dos & notifications'),
    page: lazy(() => import('../modules/notifications/pages/NotificationCentrePage')),
  },
];
