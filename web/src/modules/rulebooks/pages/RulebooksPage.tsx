import { useQuery } from '@tanstack/react-query';
import { Card, Table, Tag } from 'antd';
import { useNavigate } from 'react-router';
import { type NamingLevel, namingLevelLabels } from '../../../../../common/enums';
import {
  type Rulebook,
  type RulebookPurpose,
  rulebookPurposeLabels,
} from '../../../../../common/schemas/rulebooks';
import { api } from '../../../shared/api/client';
import { PageHeader } from '../../../shared/components/PageHeader';
import { formatDateTime } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { useRulebookTexts } from '../texts';

/** The rulebooks in force: one row per purpose and level, each opening its current version and history. */
export default function RulebooksPage() {
  const { l } = useI18n();
  const rx = useRulebookTexts();
  const navigate = useNavigate();
  const { data = [], isLoading } = useQuery({
    queryKey: ['rulebooks', 'list'],
    queryFn: () => api<Rulebook[]>('/api/rulebooks'),
  });
  return (
    <>
      <PageHeader title={rx('title')} />
      <Card size="small">
        <Table<Rulebook>
          loading={isLoading}
          rowKey="id"
          dataSource={data}
          pagination={false}
          scroll={{ x: 'max-content' }}
          onRow={(r) => ({ onClick: () => navigate(`/rulebooks/${r.id}`), style: { cursor: 'pointer' } })}
          columns={[
            {
              title: rx('purpose'),
              dataIndex: 'purpose',
              width: 110,
              render: (p: RulebookPurpose) => <Tag color="blue">{l(rulebookPurposeLabels[p])}</Tag>,
            },
            {
              title: rx('level'),
              dataIndex: 'level',
              width: 100,
              render: (v: NamingLevel | null) => (v ? l(namingLevelLabels[v]) : rx('allLevels')),
            },
            { title: rx('name'), dataIndex: 'name', render: (v: string) => <a>{v}</a> },
            { title: rx('version'), dataIndex: 'versionNo', width: 70, render: (v: number) => `V${v}` },
            { title: rx('conditions'), key: 'c', width: 90, render: (_, r) => r.conditions.length },
            { title: rx('indicators'), key: 'i', width: 90, render: (_, r) => r.sheet.indicators.length },
            { title: rx('createdAt'), dataIndex: 'createdAt', width: 150, render: formatDateTime },
          ]}
        />
      </Card>
    </>
  );
}
