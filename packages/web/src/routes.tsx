// The one route table: path, title, icon, required permission and the lazily loaded page. The side
// menu is this table filtered by the caller's permissions (GET /api/v1/auth/me).
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import {
  AccountBookOutlined,
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BookOutlined,
  CalculatorOutlined,
  CalendarOutlined,
  FileTextOutlined,
  FlagOutlined,
  HomeOutlined,
  IdcardOutlined,
  RiseOutlined,
  SafetyCertificateOutlined,
  ControlOutlined,
  SettingOutlined,
  ShareAltOutlined,
  SwapOutlined,
  TeamOutlined,
  TrophyOutlined,
  UserSwitchOutlined,
  CommentOutlined,
  HeartOutlined,
  SolutionOutlined,
  StarOutlined,
} from '@ant-design/icons';
import type { Me } from '@zhibu/contracts';
import { can, type Permission } from './auth';

export type AppRoute = {
  path: string;
  title: string;
  icon?: ReactNode;
  /** Needed to open the page; none = every signed-in user. */
  permission?: Permission;
  /** Any one of these also opens it (a member's own profile uses self:read). */
  anyOf?: Permission[];
  /** Shown in the side menu. */
  menu?: boolean;
  /** The side-menu section it is listed under (none: above all sections, like 首页). */
  group?: MenuGroup;
  /** Menu entry to highlight when this page is open. */
  menuKey?: string;
  component: LazyExoticComponent<ComponentType>;
};

/**
 * Side-menu sections, in the order a secretary's day uses them (USERS.md): the week's organizational
 * life first, then the people, then the yearly education and care work, then brands and bases.
 * With 21 pages a flat list was too long to scan on a phone.
 */
export const menuGroups = [
  { key: 'orgLife', title: '组织生活' },
  { key: 'people', title: '组织与党员' },
  { key: 'education', title: '教育管理' },
  { key: 'brands', title: '品牌阵地' },
  { key: 'system', title: '系统管理' },
  { key: 'mine', title: '个人' },
] as const;
export type MenuGroup = (typeof menuGroups)[number]['key'];

export const appRoutes: AppRoute[] = [
  { path: '/', title: '首页', icon: <HomeOutlined />, permission: 'dashboard:read', menu: true, component: lazy(() => import('./pages/home/HomePage')) },
  { path: '/orgs', title: '党组织', icon: <ApartmentOutlined />, permission: 'orgs:read', menu: true, group: 'people', component: lazy(() => import('./pages/orgs/OrgsPage')) },
  { path: '/members', title: '党员名册', icon: <TeamOutlined />, permission: 'members:read', menu: true, group: 'people', component: lazy(() => import('./pages/members/MembersPage')) },
  { path: '/members/new', title: '新增党员', permission: 'members:manage', menuKey: '/members', component: lazy(() => import('./pages/members/MemberFormPage')) },
  { path: '/members/import', title: '导入党员', permission: 'members:import', menuKey: '/members', component: lazy(() => import('./pages/members/ImportPage')) },
  { path: '/members/:id/edit', title: '编辑党员', permission: 'members:manage', menuKey: '/members', component: lazy(() => import('./pages/members/MemberFormPage')) },
  { path: '/members/:id', title: '党员档案', anyOf: ['members:read', 'self:read'], menuKey: '/members', component: lazy(() => import('./pages/members/MemberProfilePage')) },
  { path: '/reminders', title: '党建工作提示', icon: <AlertOutlined />, permission: 'reminders:read', menu: true, group: 'orgLife', component: lazy(() => import('./pages/reminders/RemindersPage')) },
  { path: '/activities', title: '组织生活', icon: <FlagOutlined />, permission: 'activities:read', menu: true, group: 'orgLife', component: lazy(() => import('./pages/activities/ActivitiesPage')) },
  { path: '/activities/new', title: '计划活动', permission: 'activities:manage', menuKey: '/activities', component: lazy(() => import('./pages/activities/ActivityFormPage')) },
  { path: '/activities/:id/edit', title: '修改活动', permission: 'activities:manage', menuKey: '/activities', component: lazy(() => import('./pages/activities/ActivityFormPage')) },
  { path: '/activities/:id/sign-in', title: '签到二维码', permission: 'activities:manage', menuKey: '/activities', component: lazy(() => import('./pages/activities/SignInScreenPage')) },
  { path: '/activities/:id', title: '活动详情', permission: 'activities:read', menuKey: '/activities', component: lazy(() => import('./pages/activities/ActivityDetailPage')) },
  { path: '/sign-in', title: '签到', permission: 'self:read', component: lazy(() => import('./pages/sign-in/SignInPage')) },
  { path: '/calendar', title: '活动日历', icon: <CalendarOutlined />, permission: 'activities:read', menu: true, group: 'orgLife', component: lazy(() => import('./pages/calendar/CalendarPage')) },
  { path: '/micro-lectures', title: '微党课轮讲', icon: <BookOutlined />, permission: 'activities:read', menu: true, group: 'orgLife', component: lazy(() => import('./pages/micro-lectures/MicroLecturesPage')) },
  { path: '/ledgers', title: '台账与统计', icon: <FileTextOutlined />, permission: 'reminders:read', menu: true, group: 'orgLife', component: lazy(() => import('./pages/ledgers/LedgersPage')) },
  { path: '/brands', title: '党建品牌', icon: <TrophyOutlined />, permission: 'brands:read', menu: true, group: 'brands', component: lazy(() => import('./pages/brands/BrandsPage')) },
  { path: '/brands/:id', title: '品牌详情', permission: 'brands:read', menuKey: '/brands', component: lazy(() => import('./pages/brands/BrandDetailPage')) },
  { path: '/rooms', title: '党员活动室', icon: <HomeOutlined />, permission: 'rooms:read', menu: true, group: 'brands', component: lazy(() => import('./pages/bases/RoomsPage')) },
  { path: '/rooms/:id/screen', title: '活动室大屏', permission: 'rooms:read', menuKey: '/rooms', component: lazy(() => import('./pages/bases/RoomScreen')) },
  { path: '/partnerships', title: '联建共建', icon: <ShareAltOutlined />, permission: 'partnerships:read', menu: true, group: 'brands', component: lazy(() => import('./pages/partnerships/PartnershipsPage')) },
  { path: '/development', title: '发展党员', icon: <RiseOutlined />, permission: 'development:read', menu: true, group: 'people', component: lazy(() => import('./pages/development/DevelopmentPage')) },
  { path: '/development/:id', title: '发展档案', permission: 'development:read', menuKey: '/development', component: lazy(() => import('./pages/development/DevelopmentCasePage')) },
  { path: '/transfers', title: '组织关系转接', icon: <SwapOutlined />, permission: 'members:manage', menu: true, group: 'people', component: lazy(() => import('./pages/transfers/TransfersPage')) },
  { path: '/dues', title: '党费管理', icon: <AccountBookOutlined />, permission: 'dues:read', menu: true, group: 'people', component: lazy(() => import('./pages/dues/DuesLedgerPage')) },
  { path: '/dues/calculator', title: '党费计算器', icon: <CalculatorOutlined />, anyOf: ['self:read', 'members:read'], menu: true, group: 'people', component: lazy(() => import('./pages/dues/DuesCalculatorPage')) },
  { path: '/evaluations', title: '民主评议', icon: <SolutionOutlined />, permission: 'evaluations:read', menu: true, group: 'education', component: lazy(() => import('./pages/evaluations/EvaluationsPage')) },
  { path: '/talks', title: '谈心谈话', icon: <CommentOutlined />, permission: 'talks:read', menu: true, group: 'education', component: lazy(() => import('./pages/talks/TalksPage')) },
  { path: '/care', title: '关心关爱', icon: <HeartOutlined />, permission: 'care:read', menu: true, group: 'education', component: lazy(() => import('./pages/care/CarePage')) },
  { path: '/pioneers', title: '示范岗与评优', icon: <StarOutlined />, permission: 'pioneers:read', menu: true, group: 'education', component: lazy(() => import('./pages/pioneers/PioneersPage')) },
  { path: '/me', title: '我的档案', icon: <IdcardOutlined />, permission: 'self:read', menu: true, group: 'mine', component: lazy(() => import('./pages/members/MyProfilePage')) },
  { path: '/my-evaluation', title: '我的民主评议', icon: <SolutionOutlined />, permission: 'self:read', menu: true, group: 'mine', component: lazy(() => import('./pages/evaluations/MyEvaluationPage')) },
  { path: '/audit', title: '审计日志', icon: <AuditOutlined />, permission: 'audit:read', menu: true, group: 'system', component: lazy(() => import('./pages/audit/AuditPage')) },
  { path: '/admin/users', title: '用户管理', icon: <UserSwitchOutlined />, permission: 'users:manage', menu: true, group: 'system', component: lazy(() => import('./pages/admin/UsersPage')) },
  { path: '/admin/rules', title: '本院规则设置', icon: <ControlOutlined />, permission: 'rules:manage', menu: true, group: 'system', component: lazy(() => import('./pages/admin/CourtRulesPage')) },
  { path: '/admin/security', title: '安全设置', icon: <SafetyCertificateOutlined />, permission: 'security:manage', menu: true, group: 'system', component: lazy(() => import('./pages/admin/SecurityPage')) },
  { path: '/account', title: '账号设置', icon: <SettingOutlined />, menu: true, group: 'mine', component: lazy(() => import('./pages/account/AccountPage')) },
  { path: '/account/password', title: '修改密码', menuKey: '/account', component: lazy(() => import('./pages/account/PasswordPage')) },
];

export function canOpen(me: Me, route: AppRoute): boolean {
  if (route.anyOf) return route.anyOf.some((p) => can(me, p));
  return can(me, route.permission);
}

export type MenuSection = { key: MenuGroup | 'top'; title?: string; routes: AppRoute[] };

/** The caller's side menu: ungrouped entries first, then each section that has an entry they may open. */
export function menuSections(me: Me): MenuSection[] {
  const mine = appRoutes.filter((r) => r.menu && canOpen(me, r));
  const top: MenuSection = { key: 'top', routes: mine.filter((r) => !r.group) };
  const sections = menuGroups.map((g) => ({ key: g.key, title: g.title, routes: mine.filter((r) => r.group === g.key) }));
  return [top, ...sections].filter((s) => s.routes.length > 0);
}

/** The menu's entries in the order shown. */
export function menuRoutes(me: Me): AppRoute[] {
  return menuSections(me).flatMap((s) => s.routes);
}

/** Where a user lands: the home page, or the first page their role has (三员 have no home page). */
export function landingPath(me: Me): string {
  return menuRoutes(me)[0]?.path ?? '/account';
}
