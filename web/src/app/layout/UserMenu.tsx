import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown } from 'antd';
import { useNavigate } from 'react-router';
import type { Me } from '../../../../common/schemas/auth';
import { useI18n } from '../../shared/i18n';
import { useLogout } from './useLogout';

/** The user's name with a menu: my account, log out. */
export function UserMenu({ me, compact }: { me: Me; compact: boolean }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const logout = useLogout();
  return (
    <Dropdown
      menu={{
        items: [
          { key: 'account', icon: <UserOutlined />, label: t('menu.account') },
          { type: 'divider' },
          { key: 'logout', icon: <LogoutOutlined />, label: t('menu.logout'), danger: true },
        ],
        onClick: ({ key }) => {
          if (key === 'account') navigate('/account');
          if (key === 'logout') void logout();
        },
      }}
    >
      <Button
        type="text"
        style={{ display: 'flex', alignItems: 'center', gap: 8, paddingInline: 6 }}
        data-testid="user-menu"
      >
        <Avatar size="small" style={{ background: '#1a5fb4' }}>
          {me.name.slice(-2)}
        </Avatar>
        {!compact && <span>{me.name}</span>}
      </Button>
    </Dropdown>
  );
}
