import { Card, Descriptions, Empty, Flex, Table, Typography } from 'antd';
import type { EquipmentItem, Studio } from '../../../../../common/schemas/studios';
import { formatDate, formatDateTime, formatMoney } from '../../../shared/format';
import { usePhone } from '../../../shared/hooks/useFormLayout';
import { useI18n } from '../../../shared/i18n';
import { HonourTags } from '../../people/components/HonourTags';
import { useTexts } from '../texts';
import { LevelTag, StatusTag, TypeText } from './StudioTags';

const dash = (v: string | number | null | undefined) => (v === null || v === undefined || v === '' ? '—' : v);

/** 基本信息: the profile as Descriptions, the leader's honours and the equipment list. */
export function BasicInfo({ studio: s }: { studio: Studio }) {
  const { t } = useI18n();
  const tx = useTexts();
  const phone = usePhone();
  const total = s.equipment.reduce((sum, e) => sum + (e.value ?? 0) * e.quantity, 0);
  const count = s.equipment.reduce((sum, e) => sum + e.quantity, 0);
  return (
    <Flex vertical gap={16}>
      <Card size="small">
        <Descriptions
          bordered
          size="small"
          layout={phone ? 'vertical' : 'horizontal'}
          column={{ xs: 1, sm: 1, md: 2, lg: 3 }}
          items={[
            { key: 'code', label: tx('code'), children: s.code },
            { key: 'name', label: tx('name'), children: s.name },
            { key: 'type', label: tx('type'), children: <TypeText type={s.type} /> },
            { key: 'ent', label: tx('enterprise'), children: dash(s.enterpriseName) },
            { key: 'host', label: tx('hostOrg'), children: s.hostOrgName },
            { key: 'founded', label: tx('foundedOn'), children: dash(formatDate(s.foundedOn)) },
            { key: 'leader', label: tx('leader'), children: dash(s.leaderName) },
            { key: 'field', label: tx('field'), children: dash(s.field) },
            {
              key: 'members',
              label: tx('memberCount'),
              children: t('common.unit.people', { n: s.memberCount }),
            },
            { key: 'status', label: tx('status'), children: <StatusTag status={s.status} /> },
            { key: 'level', label: tx('level'), children: <LevelTag level={s.currentLevel} /> },
            { key: 'area', label: tx('siteArea'), children: dash(s.siteArea) },
            { key: 'contact', label: tx('contactName'), children: dash(s.contactName) },
            { key: 'phone', label: tx('contactPhone'), children: dash(s.contactPhone) },
            { key: 'email', label: tx('contactEmail'), children: dash(s.contactEmail) },
            { key: 'slogan', label: tx('slogan'), span: 'filled', children: dash(s.slogan) },
            {
              key: 'honours',
              label: tx('leaderHonours'),
              span: 'filled',
              children: s.leaderHonours.length ? <HonourTags honours={s.leaderHonours} max={6} /> : '—',
            },
            {
              key: 'intro',
              label: tx('intro'),
              span: 'filled',
              children: (
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                  {dash(s.intro)}
                </Typography.Paragraph>
              ),
            },
            { key: 'updated', label: t('common.updatedAt'), children: formatDateTime(s.updatedAt) },
          ]}
        />
      </Card>
      <Card
        size="small"
        title={tx('equipment')}
        extra={
          s.equipment.length > 0 && (
            <Typography.Text type="secondary">
              {tx('equipmentTotal', { n: count, value: formatMoney(total) })}
            </Typography.Text>
          )
        }
      >
        {s.equipment.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
        ) : (
          <Table<EquipmentItem & { key: number }>
            size="small"
            pagination={false}
            dataSource={s.equipment.map((e, key) => ({ ...e, key }))}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: tx('equipmentName'), dataIndex: 'name' },
              { title: tx('model'), dataIndex: 'model', render: dash },
              { title: tx('quantity'), dataIndex: 'quantity', align: 'right' },
              {
                title: tx('value'),
                dataIndex: 'value',
                align: 'right',
                render: (v?: number) => (v === undefined ? '—' : formatMoney(v)),
              },
            ]}
          />
        )}
      </Card>
    </Flex>
  );
}
