// The signed-in frame: side menu (a Drawer at phone width) built from the route table, a header
// with the user's name and role, the idle-timeout watcher, and the page guard.
import { Suspense, useEffect, useMemo, useState } from 'react';
import { Button, Drawer, Dropdown, Grid, Layout, Menu, Result, Space, Typography, type MenuProps } from 'antd';
import { DownOutlined, LockOutlined, LogoutOutlined, MenuOutlined, SettingOutlined, StarFilled, UserOutlined } from '@ant-design/icons';
import { Link, Navigate, Outlet, matchPath, useLocation, useNavigate } from 'react-router';
import { ApiError, describeError } from '../api/client';
import { MeProvider, describeGrants, useMe, useMeQuery, useSignOut } from '../auth';
import { appRoutes, canOpen, landingPath, menuSections, type AppRoute } from '../routes';
import { FullPageSpin } from '../components/FullPageSpin';
import { IdleWatcher } from './IdleWatcher';
import { ForbiddenPage } from '../pages/errors/ErrorPages';

const { Header, Sider, Content } = Layout;

export function SignedInLayout() {
  const location = useLocation();
  const { data: me, error, isLoading, refetch } = useMeQuery();
  if (isLoading) return <FullPageSpin />;
  if (error || !me) {
    if (error instanceof ApiError && error.status === 401) {
      return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace state={{ message: error.code === 'SESSION_EXPIRED' ? error.message : undefined }} />;
    }
    return (
      <Result
        status="error"
        title="无法加载用户信息"
        subTitle={describeError(error)}
        extra={<Button type="primary" onClick={() => void refetch()}>重试</Button>}
      />
    );
  }
  if (me.mustChangePassword && location.pathname !== '/account/password') {
    return <Navigate to="/account/password" replace />;
  }
  return (
    <MeProvider me={me}>
      <AppFrame />
    </MeProvider>
  );
}

function findRoute(pathname: string): AppRoute | undefined {
  // Static paths win over parameterized ones (/members/new before /members/:id).
  const matches = appRoutes.filter((r) => matchPath({ path: r.path, end: true }, pathname));
  return matches.find((r) => !r.path.includes(':')) ?? matches[0];
}

function AppFrame() {
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const isPhone = screens.md === false;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [collapsed, setCollapsed] = useState(false);
  const signOut = useSignOut();

  const menuItems = useMemo(
    (): NonNullable<MenuProps['items']> =>
      menuSections(me).flatMap((s): NonNullable<MenuProps['items']> => {
        const items = s.routes.map((r) => ({ key: r.path, icon: r.icon, label: <Link to={r.path}>{r.title}</Link> }));
        return s.title ? [{ type: 'group' as const, key: `group:${s.key}`, label: s.title, children: items }] : items;
      }),
    [me],
  );
  const current = findRoute(location.pathname);
  const selectedKey = current?.menuKey ?? current?.path ?? location.pathname;

  useEffect(() => setDrawerOpen(false), [location.pathname]);

  const logout = async () => {
    await signOut();
    navigate('/login', { replace: true, state: { message: '您已安全退出' } });
  };

  const roles = describeGrants(me);
  const menu = <Menu mode="inline" selectedKeys={[selectedKey]} items={menuItems} style={{ borderInlineEnd: 0 }} />;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header style={{ display: 'flex', alignItems: 'center', gap: 12, position: 'sticky', top: 0, zIndex: 100 }}>
        {isPhone && (
          <Button
            type="text"
            aria-label="打开菜单"
            icon={<MenuOutlined style={{ color: '#fff', fontSize: 18 }} />}
            onClick={() => setDrawerOpen(true)}
          />
        )}
        <Link to="/" style={{ display: 'flex', alignItems: 'center', gap: 8, color: '#fff', minWidth: 0 }}>
          <StarFilled style={{ color: '#ffd666', fontSize: 20 }} />
          <span style={{ fontSize: isPhone ? 16 : 18, fontWeight: 600, whiteSpace: 'nowrap', letterSpacing: 1 }}>
            {isPhone ? '智慧党建' : '法院智慧党建平台'}
          </span>
        </Link>
        <div style={{ flex: 1 }} />
        <Dropdown
          trigger={['click']}
          menu={{
            items: [
              ...(isPhone ? [{ key: 'role', label: <Typography.Text type="secondary">{roles.join('、') || '未分配角色'}</Typography.Text>, disabled: true }] : []),
              { key: 'account', icon: <SettingOutlined />, label: '账号设置', onClick: () => navigate('/account') },
              { key: 'password', icon: <LockOutlined />, label: '修改密码', onClick: () => navigate('/account/password') },
              { type: 'divider' as const },
              { key: 'logout', icon: <LogoutOutlined />, label: '退出登录', danger: true, onClick: () => void logout() },
            ],
          }}
        >
          <Button type="text" style={{ color: '#fff', maxWidth: isPhone ? 160 : 480, height: 40 }} data-testid="user-menu">
            <Space size={6} style={{ minWidth: 0 }}>
              <UserOutlined />
              <span style={{ fontWeight: 600 }}>{me.displayName}</span>
              {!isPhone && roles.length > 0 && (
                <span style={{ opacity: 0.85, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', maxWidth: 320, display: 'inline-block', verticalAlign: 'bottom' }}>
                  {roles[0]}
                  {roles.length > 1 ? ` 等${roles.length}项` : ''}
                </span>
              )}
              <DownOutlined style={{ fontSize: 10 }} />
            </Space>
          </Button>
        </Dropdown>
      </Header>
      <Layout>
        {isPhone ? (
          <Drawer placement="left" open={drawerOpen} onClose={() => setDrawerOpen(false)} size={240} title="功能菜单" styles={{ body: { padding: 0 } }}>
            {menu}
          </Drawer>
        ) : (
          // The menu scrolls inside the viewport (below the 64px header) and keeps its last entries
          // clear of the collapse button that antd fixes to the bottom of the sider.
          <Sider
            width={208}
            collapsible
            collapsed={collapsed}
            onCollapse={setCollapsed}
            theme="light"
            breakpoint="lg"
            style={{ borderInlineEnd: '1px solid #f0f0f0', position: 'sticky', top: 64, height: 'calc(100vh - 64px)', overflowY: 'auto' }}
          >
            <nav aria-label="主菜单" style={{ paddingBottom: 48 }}>{menu}</nav>
          </Sider>
        )}
        <Content style={{ padding: isPhone ? 12 : 24, minWidth: 0 }}>
          <Suspense fallback={<FullPageSpin />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
      <IdleWatcher minutes={me.idleTimeoutMinutes} />
    </Layout>
  );
}

/** Opens a page only for those whose permissions allow it; sets the browser tab's title. */
export function RouteGuard({ route }: { route: AppRoute }) {
  const me = useMe();
  const allowed = canOpen(me, route);
  useEffect(() => {
    document.title = `${route.title} - 法院智慧党建平台`;
  }, [route.title]);
  if (!allowed) {
    if (route.path === '/') return <Navigate to={landingPath(me)} replace />;
    return <ForbiddenPage />;
  }
  const Page = route.component;
  return <Page />;
}
