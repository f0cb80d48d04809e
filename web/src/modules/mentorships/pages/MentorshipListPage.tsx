import { PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, DatePicker, Form, Input, Select } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useNavigate } from 'react-router';
import { skillGradeLabels } from '../../../../../common/enums';
import {
  type Mentorship,
  mentorshipStatuses,
  mentorshipStatusLabels,
} from '../../../../../common/schemas/mentorships';
import type { Page } from '../../../../../common/schemas/shared';
import { api } from '../../../shared/api/client';
import { ExportButton } from '../../../shared/components/ExportButton';
import { ListPage } from '../../../shared/components/ListPage';
import { PageHeader } from '../../../shared/components/PageHeader';
import { formatDate } from '../../../shared/format';
import { usePermission } from '../../../shared/hooks/usePermission';
import { useI18n } from '../../../shared/i18n';
import { labelOf, optionsOf } from '../../../shared/labels';
import { fromLifeQuery, toLifeQuery } from '../../activities/components/filters';
import { StudioSelect } from '../../activities/components/StudioSelect';
import { useLifeTexts } from '../../activities/texts';
import { mentorshipKeys } from '../api';
import { MentorshipStatusTag } from '../components/MentorshipStatusTag';
import { useMentorTexts } from '../texts';

/** 师带徒: the agreements of the visible studios, filterable by status, studio, period and name. */
export default function MentorshipListPage() {
  const { t, lang } = useI18n();
  const tx = useMentorTexts();
  const lx = useLifeTexts();
  const navigate = useNavigate();
  const canSign = usePermission('studios.manage');
  const columns: ColumnsType<Mentorship> = [
    { key: 'mentor', title: tx('mentor'), render: (_, m) => <a>{m.mentor.name}</a>, width: 100 },
    { key: 'apprentice', title: tx('apprentice'), render: (_, m) => m.apprentice.name, width: 100 },
    { key: 'studio', title: lx('studio'), dataIndex: 'studioName', width: 220, ellipsis: true },
    {
      key: 'period',
      title: tx('period'),
      width: 210,
      render: (_, m) => `${formatDate(m.startsOn)} ~ ${formatDate(m.endsOn)}`,
    },
    { key: 'goals', title: tx('goals'), dataIndex: 'goals', ellipsis: true },
    {
      key: 'target',
      title: tx('targetGrade'),
      dataIndex: 'targetGrade',
      width: 90,
      render: (g) => labelOf(skillGradeLabels, g, lang),
    },
    {
      key: 'status',
      title: tx('status'),
      dataIndex: 'status',
      width: 90,
      render: (s) => <MentorshipStatusTag status={s} />,
    },
    {
      key: 'outcome',
      title: tx('outcomeGrade'),
      dataIndex: 'outcomeGrade',
      width: 110,
      render: (g) => labelOf(skillGradeLabels, g, lang),
    },
    {
      key: 'notes',
      title: tx('noteCount'),
      dataIndex: 'noteCount',
      width: 90,
      align: 'right',
      render: (n: number) => t('common.unit.items', { n }),
    },
  ];
  return (
    <>
      <PageHeader title={tx('mentorships')} />
      <ListPage<Mentorship>
        queryKey={mentorshipKeys.all}
        fetchPage={(query) => api<Page<Mentorship>>('/api/mentorships', { query })}
        rowKey="id"
        columns={columns}
        settingsKey="mentorships"
        phoneColumns={['mentor', 'apprentice', 'status']}
        onRowClick={(m) => navigate(`/mentorships/${m.id}`)}
        toQuery={toLifeQuery}
        fromQuery={fromLifeQuery}
        filters={
          <>
            <Form.Item name="q">
              <Input allowClear placeholder={tx('searchPerson')} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="studioId">
              <StudioSelect style={{ width: 220 }} />
            </Form.Item>
            <Form.Item name="status">
              <Select
                allowClear
                placeholder={tx('status')}
                options={optionsOf(mentorshipStatuses, mentorshipStatusLabels, lang)}
                style={{ width: 110 }}
              />
            </Form.Item>
            <Form.Item name="range">
              <DatePicker.RangePicker style={{ width: 240 }} />
            </Form.Item>
            <Form.Item name="includeArchived" valuePropName="checked">
              <Checkbox>{t('common.includeArchived')}</Checkbox>
            </Form.Item>
          </>
        }
        extra={
          <>
            <ExportButton path="/api/mentorships/export" name={tx('mentorships')} />
            {canSign && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/mentorships/new')}>
                {tx('newMentorship')}
              </Button>
            )}
          </>
        }
      />
    </>
  );
}
