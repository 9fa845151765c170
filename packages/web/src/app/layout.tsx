import { useState, type ReactNode } from 'react';
import { Button, Drawer, Grid, Layout, Menu, Result, Space, Tag, Typography, theme } from 'antd';
import type { MenuProps } from 'antd';
import {
  AimOutlined, AlertOutlined, ApartmentOutlined, AuditOutlined, BankOutlined, CalendarOutlined, CarOutlined, FileDoneOutlined, FormOutlined,
  IssuesCloseOutlined, SafetyCertificateOutlined, DashboardOutlined, EnvironmentOutlined, ImportOutlined, KeyOutlined, LogoutOutlined,
  MenuOutlined, NotificationOutlined, OrderedListOutlined, ProfileOutlined, ReadOutlined, TeamOutlined, TrophyOutlined, UserOutlined,
} from '@ant-design/icons';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { ROLES } from '@tuijin/core';
import { accessOf } from './access';
import { useLogout, useMe, type Me } from './auth';
import { ChangePasswordDialog } from '../features/auth/change-password-dialog';
import { NotificationBell } from '../features/notifications/notification-bell';
import { isFromProject } from '../features/reports/report-origin';

const { Header, Sider, Content } = Layout;

type MenuItem = Required<MenuProps>['items'][number];

function menuItems(me: Me): MenuItem[] {
  const access = accessOf(me);
  const items: MenuItem[] = [];
  if (me.role === 'reporter') items.push({ key: '/my-reports', icon: <FormOutlined />, label: '我的月报' });
  if (access.ledger) {
    if (me.role !== 'reporter') items.push({ key: '/', icon: <DashboardOutlined />, label: '概览' });
    items.push({ key: '/ledger', icon: <ProfileOutlined />, label: '项目台账' });
    if (me.can.editLedger) items.push({ key: '/imports', icon: <ImportOutlined />, label: '导入台账' });
  }
  if (me.can.readReports && me.role !== 'reporter') items.push({ key: '/periods', icon: <CalendarOutlined />, label: '月报管理' });
  if (me.can.reviewReports) items.push({ key: '/reviews', icon: <FileDoneOutlined />, label: '月报审核' });
  if (me.can.readSupervision) {
    // 督导: obstacles to closure, warnings, inspections against the books, joint meetings, leaders' visits.
    const supervision: MenuItem[] = [
      { key: '/warnings', icon: <AlertOutlined />, label: '预警' },
      { key: '/obstacles', icon: <IssuesCloseOutlined />, label: '问题督办' },
    ];
    if (me.role !== 'reporter') {
      supervision.push(
        { key: '/inspections', icon: <SafetyCertificateOutlined />, label: '督导检查' },
        { key: '/meetings', icon: <TeamOutlined />, label: '联席会议' },
        { key: '/visits', icon: <CarOutlined />, label: '领导走访' },
      );
    }
    items.push({ key: 'supervision', icon: <AimOutlined />, label: '督导', children: supervision });
  }
  if (me.can.readAssessment) {
    // 考核通报: monthly scores and rankings, the monthly bulletin, the annual summary's data part.
    items.push({
      key: 'assessment', icon: <TrophyOutlined />, label: '考核通报',
      children: [
        { key: '/assessment', icon: <OrderedListOutlined />, label: '考核排名' },
        { key: '/bulletins', icon: <NotificationOutlined />, label: '月度通报' },
        { key: '/summaries', icon: <ReadOutlined />, label: '年度总结' },
      ],
    });
  }
  if (access.directory) {
    items.push({
      key: 'org-people',
      icon: <ApartmentOutlined />,
      label: '单位与人员',
      children: [
        { key: '/orgs', icon: <BankOutlined />, label: '组织' },
        { key: '/people', icon: <TeamOutlined />, label: '人员' },
      ],
    });
  }
  if (access.users) items.push({ key: '/users', icon: <UserOutlined />, label: '用户管理' });
  if (access.regions) items.push({ key: '/regions', icon: <EnvironmentOutlined />, label: '地区' });
  if (access.audit) items.push({ key: '/audit', icon: <AuditOutlined />, label: '审计日志' });
  return items;
}

/** The menu entry a path belongs to: /projects/12 is part of the ledger, and so is a report opened from a project. */
function selectedKey(pathname: string, me: Me, state: unknown): string {
  if (pathname.startsWith('/projects')) return '/ledger';
  if (pathname.startsWith('/reports') && isFromProject(state) && accessOf(me).ledger) return '/ledger';
  if (pathname.startsWith('/reports')) return me.role === 'reporter' ? '/my-reports' : me.can.reviewReports && me.role !== 'office' ? '/reviews' : '/periods';
  const first = '/' + (pathname.split('/')[1] ?? '');
  return first === '/' ? '/' : first;
}

export function AppLayout() {
  const me = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const logout = useLogout();
  const [collapsed, setCollapsed] = useState(false);
  const [isPasswordOpen, setPasswordOpen] = useState(false);
  const isPasswordForced = me.mustChangePassword || me.passwordExpired;
  const { token } = theme.useToken();
  // On a phone the menu folds into a drawer and the header keeps only what fits.
  const screens = Grid.useBreakpoint();
  const isNarrow = screens.md === false;
  const [isMenuOpen, setMenuOpen] = useState(false);
  const menu = (
    <Menu
      theme="dark"
      mode="inline"
      selectedKeys={[selectedKey(location.pathname, me, location.state)]}
      defaultOpenKeys={['supervision', 'assessment', 'org-people']}
      items={menuItems(me)}
      onClick={({ key }) => { navigate(key); setMenuOpen(false); }}
      data-testid="main-menu"
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {isNarrow ? (
        <Drawer
          open={isMenuOpen}
          onClose={() => setMenuOpen(false)}
          placement="left"
          width={220}
          closable={false}
          styles={{ body: { padding: 0, background: '#001529' } }}
        >
          <Brand collapsed={false} />
          {menu}
        </Drawer>
      ) : (
        <Sider
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          width={200}
          theme="dark"
          style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
        >
          <Brand collapsed={collapsed} />
          {menu}
        </Sider>
      )}
      <Layout>
        <Header
          style={{
            position: 'sticky', top: 0, zIndex: 20, height: 56, lineHeight: '56px', padding: isNarrow ? '0 8px' : '0 20px',
            background: token.colorBgContainer, borderBottom: `1px solid ${token.colorBorderSecondary}`,
            display: 'flex', alignItems: 'center', justifyContent: isNarrow ? 'space-between' : 'flex-end',
          }}
        >
          {isNarrow && (
            <Button type="text" icon={<MenuOutlined />} onClick={() => setMenuOpen(true)} aria-label="菜单" data-testid="menu-toggle">
              推进
            </Button>
          )}
          <Space size={isNarrow ? 4 : 12} data-testid="user-bar">
            <NotificationBell />
            <Typography.Text strong data-testid="user-name">{me.displayName}</Typography.Text>
            {!isNarrow && <Tag color="blue" bordered={false} style={{ marginInlineEnd: 0 }}>{ROLES.label[me.role] ?? me.role}</Tag>}
            {!isNarrow && <Typography.Text type="secondary">{me.regionName}{me.orgName ? ` · ${me.orgName}` : ''}</Typography.Text>}
            <Button type="text" size="small" icon={<KeyOutlined />} onClick={() => setPasswordOpen(true)} aria-label="修改密码" data-testid="header-change-password">
              {!isNarrow && '修改密码'}
            </Button>
            <Button type="text" size="small" icon={<LogoutOutlined />} loading={logout.isPending} onClick={() => logout.mutate()} aria-label="退出" data-testid="header-logout">
              {!isNarrow && '退出'}
            </Button>
          </Space>
        </Header>
        <Content style={{ padding: isNarrow ? 8 : 16, minWidth: 0 }}>
          {/* Until a required password change is done the server refuses everything else. */}
          {isPasswordForced ? <Result status="info" title="请先修改密码" subTitle="修改密码后即可继续使用系统。" /> : <Outlet />}
        </Content>
      </Layout>
      <ChangePasswordDialog
        me={me}
        open={isPasswordForced || isPasswordOpen}
        forced={isPasswordForced}
        onClose={() => setPasswordOpen(false)}
      />
    </Layout>
  );
}

function Brand({ collapsed }: { collapsed: boolean }): ReactNode {
  return (
    <div style={{ height: 56, display: 'flex', alignItems: 'center', gap: 10, padding: collapsed ? '0 24px' : '0 18px', color: '#fff', overflow: 'hidden', whiteSpace: 'nowrap' }}>
      <img src="/favicon.svg" alt="" width={28} height={28} />
      {!collapsed && <span style={{ fontSize: 15, fontWeight: 600, letterSpacing: 1 }}>重点项目推进系统</span>}
    </div>
  );
}
