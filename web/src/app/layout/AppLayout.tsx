import { MenuFoldOutlined, MenuOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Drawer, Grid, Layout, Menu, type MenuProps, Tag } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, Navigate, Outlet, useLocation, useMatches, useNavigate } from 'react-router';
import { HeaderSearch } from '../../modules/search/components/HeaderSearch';
import { api } from '../../shared/api/client';
import { useMe, useSetMe } from '../../shared/hooks/useMe';
import { usePermissions } from '../../shared/hooks/usePermission';
import { type Lang, useI18n } from '../../shared/i18n';
import { useOutboxSync } from '../../shared/offline/useOutboxSync';
import { menuGroups, menuItems } from '../menu';
import { crumbsFor, groupOf, type NavNode, selectedMenuKey, visibleMenu } from '../navigation';
import { routes } from '../routes';
import type { AppRoute } from '../types';
import { LangSwitch } from './LangSwitch';
import { PageLoading } from './PageLoading';
import { UserMenu } from './UserMenu';

const { Header, Sider, Content } = Layout;

function Logo({ collapsed }: { collapsed: boolean }) {
  const { t } = useI18n();
  return (
    <Link
      to="/"
      style={{ display: 'flex', alignItems: 'center', gap: 10, height: 56, padding: '0 20px', color: '#fff' }}
    >
      <img src="/favicon.svg" alt="" width={28} height={28} />
      {!collapsed && (
        <span style={{ fontSize: 18, fontWeight: 600, letterSpacing: 2, whiteSpace: 'nowrap' }}>
          {t('app.name')}
        </span>
      )}
    </Link>
  );
}

/** The signed-in frame: side menu by permission (a drawer on phones), header with language and user menu, breadcrumbs. */
export function AppLayout() {
  const { data: me, isLoading } = useMe();
  const setMe = useSetMe();
  const { lang, setLang, l, t } = useI18n();
  const can = usePermissions();
  const location = useLocation();
  const navigate = useNavigate();
  const matches = useMatches();
  const screens = Grid.useBreakpoint();
  const phone = screens.md === false;
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  // the phone's offline outbox (ideas submitted without a connection) is sent once logged in and online
  const pendingOutbox = useOutboxSync(Boolean(me));

  // The server keeps the user's language; follow it when a session starts on another device's choice.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the user changes
  useEffect(() => {
    if (me && me.locale !== lang) setLang(me.locale);
  }, [me?.userId]);

  const selected = selectedMenuKey(menuItems, location.pathname);
  const [openKeys, setOpenKeys] = useState<string[]>([]);
  useEffect(() => {
    const g = groupOf(menuItems, selected);
    if (g) setOpenKeys((keys) => (keys.includes(`group:${g}`) ? keys : [...keys, `group:${g}`]));
  }, [selected]);

  const nav = useMemo(() => visibleMenu(menuGroups, menuItems, can), [can]);
  const toItems = (nodes: NavNode[]): MenuProps['items'] =>
    nodes.map((n) => ({
      key: n.key,
      icon: n.icon,
      label: l(n.label),
      children: n.children ? toItems(n.children) : undefined,
    }));

  if (isLoading) return <PageLoading />;
  if (!me)
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;

  const route = (matches.at(-1)?.handle as { route?: AppRoute } | undefined)?.route;
  const crumbs = route ? crumbsFor(route, routes, menuGroups, menuItems) : [];

  const onLang = (next: Lang) => {
    setMe({ ...me, locale: next });
    api('/api/auth/prefs', { method: 'PATCH', body: { locale: next } }).catch(() => undefined);
  };

  const menu = (
    <Menu
      theme="dark"
      mode="inline"
      selectedKeys={selected ? [selected] : []}
      openKeys={collapsed && !phone ? undefined : openKeys}
      onOpenChange={setOpenKeys}
      items={toItems(nav)}
      onClick={({ key }) => {
        navigate(key);
        setDrawerOpen(false);
      }}
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {phone ? (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={240}
          closable={false}
          styles={{ body: { padding: 0, background: '#001529' } }}
        >
          <Logo collapsed={false} />
          {menu}
        </Drawer>
      ) : (
        <Sider
          width={220}
          collapsible
          collapsed={collapsed}
          trigger={null}
          style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
        >
          <Logo collapsed={collapsed} />
          {menu}
        </Sider>
      )}
      <Layout>
        <Header
          style={{
            display: 'flex',
            alignItems: 'center',
            gap: 8,
            borderBottom: '1px solid #f0f0f0',
            position: 'sticky',
            top: 0,
            zIndex: 10,
          }}
        >
          {phone ? (
            <Button
              type="text"
              icon={<MenuOutlined />}
              aria-label={t('menu.open')}
              onClick={() => setDrawerOpen(true)}
            />
          ) : (
            <Button
              type="text"
              icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              aria-label={t(collapsed ? 'menu.expand' : 'menu.collapse')}
              aria-expanded={!collapsed}
              onClick={() => setCollapsed(!collapsed)}
            />
          )}
          {phone && (
            <span style={{ fontWeight: 600, fontSize: 16, whiteSpace: 'nowrap', flexShrink: 0 }}>
              {t('app.name')}
            </span>
          )}
          <div style={{ flex: 1 }} />
          {pendingOutbox > 0 && (
            <Tag color="orange" role="status">
              {t('outbox.pending', { n: pendingOutbox })}
            </Tag>
          )}
          <HeaderSearch compact={phone} />
          <LangSwitch onChange={onLang} />
          <UserMenu me={me} compact={phone} />
        </Header>
        <Content style={{ padding: phone ? 12 : 24, minWidth: 0 }}>
          {crumbs.length > 1 && (
            <Breadcrumb
              style={{ marginBottom: 12 }}
              items={crumbs.map((c) => ({
                title: c.path ? <Link to={c.path}>{l(c.label)}</Link> : l(c.label),
              }))}
            />
          )}
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  );
}
