import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  DashboardOutlined,
  ExperimentOutlined,
  FileDoneOutlined,
  FileExcelOutlined,
  HomeOutlined,
  NotificationOutlined,
  OrderedListOutlined,
  ReadOutlined,
  SettingOutlined,
  SolutionOutlined,
  TeamOutlined,
  TrophyOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { L, type MenuGroup, type MenuItem } from './types';

/** Top-level menu sections, placed by `order` (home 0 … system management 90). Add yours with an order in between. */
export const menuGroups: MenuGroup[] = [
  { key: 'org', label: L('组织与人员', 'Organisation'), icon: <ApartmentOutlined />, order: 10 },
  { key: 'studios', label: L('创新工作室', 'Studios'), icon: <ExperimentOutlined />, order: 20 },
  { key: 'naming', label: L('命名评审', 'Naming'), icon: <TrophyOutlined />, order: 30 },
  { key: 'insight', label: L('统计报表', 'Reports'), icon: <BarChartOutlined />, order: 80 },
  { key: 'system', label: L('系统管理', 'System'), icon: <SettingOutlined />, order: 90 },
];

/** Menu entries, one per line; an entry shows only when the user holds its permission. */
export const menuItems: MenuItem[] = [
  { path: '/', label: L('工作台', 'Workbench'), icon: <HomeOutlined />, order: 0 },
  {
    path: '/dashboard',
    label: L('数据看板', 'Dashboard'),
    icon: <DashboardOutlined />,
    permission: 'stats.read',
    order: 1,
  },
  {
    path: '/orgs',
    label: L('组织架构', 'Org structure'),
    icon: <ApartmentOutlined />,
    permission: 'orgs.read',
    group: 'org',
  },
  {
    path: '/people',
    label: L('人员管理', 'People'),
    icon: <TeamOutlined />,
    permission: 'people.read',
    group: 'org',
  },
  {
    path: '/audit',
    label: L('操作日志', 'Audit log'),
    icon: <AuditOutlined />,
    permission: 'audit.read',
    group: 'system',
  },
  {
    path: '/ledgers/export',
    label: L('台账导出', 'Ledger export'),
    icon: <FileExcelOutlined />,
    permission: 'ledgers.export',
    group: 'insight',
  },
  { path: '/account', label: L('我的账号', 'My account'), icon: <UserOutlined />, group: 'system' },
  {
    path: '/applications',
    label: L('命名申报', 'Applications'),
    permission: 'applications.read',
    icon: <FileDoneOutlined />,
    group: 'naming',
  },
  {
    path: '/reviews',
    label: L('我的评审', 'My reviews'),
    permission: 'reviews.score',
    icon: <SolutionOutlined />,
    group: 'naming',
  },
  { path: '/publicity', label: L('公示', 'Publicity'), icon: <NotificationOutlined />, group: 'naming' },
  {
    path: '/namings',
    label: L('命名名单', 'Naming list'),
    permission: 'studios.read',
    icon: <OrderedListOutlined />,
    group: 'naming',
  },
  {
    path: '/rulebooks',
    label: L('评审规则', 'Rulebooks'),
    permission: 'rulebooks.read',
    icon: <ReadOutlined />,
    group: 'naming',
  },
  {
    path: '/studios',
    label: L('工作室名录', 'Studio registry'),
    permission: 'studios.read',
    icon: <ExperimentOutlined />,
    group: 'studios',
  },
  {
    path: '/studios/at-risk',
    label: L('健康预警', 'Health watch'),
    permission: 'studios.monitor',
    icon: <AlertOutlined />,
    group: 'studios',
  },
];
