import { Alert, Button, Card, Col, Empty, Flex, Row, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { roleLabels } from '../../../../../common/roles';
import { menuItems } from '../../../app/menu';
import { PageHeader } from '../../../shared/components/PageHeader';
import { useMe } from '../../../shared/hooks/useMe';
import { usePermissions } from '../../../shared/hooks/usePermission';
import { useI18n } from '../../../shared/i18n';

/** 工作台: who I am, my roles and where I can go. The statistics dashboard comes with its own issue. */
export default function HomePage() {
  const { data: me } = useMe();
  const { t, l } = useI18n();
  const can = usePermissions();
  if (!me) return null;
  const links = menuItems.filter((i) => i.path !== '/' && can(i.permission));
  return (
    <>
      <PageHeader title={t('home.title')} />
      {me.mustChangePassword && (
        <Alert
          type="warning"
          showIcon
          title={t('home.mustChangePassword')}
          action={
            <Link to="/account">
              <Button size="small">{t('home.changePassword')}</Button>
            </Link>
          }
          style={{ marginBottom: 16 }}
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card title={t('home.hello', { name: me.name })} style={{ height: '100%' }}>
            <Typography.Text type="secondary">{t('home.roles')}</Typography.Text>
            <Flex vertical gap={8} style={{ marginTop: 8 }}>
              {me.grants.length === 0 && <Typography.Text>{t('home.noRoles')}</Typography.Text>}
              {me.grants.map((g) => (
                <div key={g.id}>
                  <Tag color="blue">{l(roleLabels[g.role])}</Tag>
                  <Typography.Text>{g.orgName}</Typography.Text>
                </div>
              ))}
            </Flex>
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card title={t('home.quickLinks')} style={{ height: '100%' }}>
            <Row gutter={[12, 12]}>
              {links.map((i) => (
                <Col xs={12} sm={8} key={i.path}>
                  <Link to={i.path}>
                    <Card
                      size="small"
                      hoverable
                      styles={{ body: { display: 'flex', alignItems: 'center', gap: 8 } }}
                    >
                      <span style={{ fontSize: 18, color: '#1a5fb4' }}>{i.icon}</span>
                      <span>{l(i.label)}</span>
                    </Card>
                  </Link>
                </Col>
              ))}
            </Row>
          </Card>
        </Col>
        <Col span={24}>
          <Card>
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.dashboardLater')} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
