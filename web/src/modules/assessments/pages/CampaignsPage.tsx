import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Empty,
  Flex,
  Form,
  InputNumber,
  Modal,
  Select,
  Skeleton,
  Table,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { AssessmentListItem, Campaign, CampaignBoard } from '../../../../../common/schemas/assessments';
import { assessmentFinalStates } from '../../../../../common/workflows/assessment';
import { api } from '../../../shared/api/client';
import { applyServerErrors } from '../../../shared/api/form-errors';
import { LabelledProgress } from '../../../shared/components/LabelledProgress';
import { PageHeader } from '../../../shared/components/PageHeader';
import { formatDate } from '../../../shared/format';
import { useErrorToast } from '../../../shared/hooks/useApiMessage';
import { usePermission } from '../../../shared/hooks/usePermission';
import { useI18n } from '../../../shared/i18n';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect';
import { assessmentKeys, useAssessmentRulebooks, useCampaigns, useMyAssessments } from '../api';
import { AssessmentStateTag } from '../components/AssessmentParts';
import { useTexts } from '../texts';

interface Values {
  orgId: number;
  year: number;
  rulebookId?: number;
  selfDeadline: Dayjs;
  reviewDeadline: Dayjs;
  dropExtremes: boolean;
}

/** The group admin's form that opens a year's campaign over an org's subtree. */
function OpenCampaignModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const tx = useTexts();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const navigate = useNavigate();
  const qc = useQueryClient();
  const toast = useErrorToast();
  const rulebooks = useAssessmentRulebooks(open);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      const board = await api<CampaignBoard>('/api/assessment-campaigns', {
        method: 'POST',
        body: {
          orgId: v.orgId,
          year: v.year,
          rulebookId: v.rulebookId,
          selfDeadline: v.selfDeadline.format('YYYY-MM-DD'),
          reviewDeadline: v.reviewDeadline.format('YYYY-MM-DD'),
          dropExtremes: v.dropExtremes,
        },
      });
      void qc.invalidateQueries({ queryKey: assessmentKeys.all });
      onClose();
      navigate(`/assessments/campaigns/${board.id}`);
    } catch (err) {
      if (!applyServerErrors(form, err)) toast(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={tx('openCampaign')}
      onCancel={onClose}
      onOk={submit}
      okText={t('common.confirm')}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          year: dayjs().year() - 1,
          selfDeadline: dayjs().add(3, 'week'),
          reviewDeadline: dayjs().add(6, 'week'),
          dropExtremes: false,
        }}
      >
        <Form.Item name="orgId" label={tx('scope')} extra={tx('scopeHint')} rules={[{ required: true }]}>
          <OrgTreeSelect />
        </Form.Item>
        <Form.Item name="year" label={tx('year')} rules={[{ required: true }]}>
          <InputNumber min={2000} max={dayjs().year()} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="rulebookId" label={tx('rulebook')} extra={tx('rulebookHint')}>
          <Select
            allowClear
            loading={rulebooks.isLoading}
            options={(rulebooks.data ?? []).map((r) => ({ value: r.id, label: `${r.name} V${r.versionNo}` }))}
          />
        </Form.Item>
        <Flex gap={16} wrap>
          <Form.Item name="selfDeadline" label={tx('selfDeadline')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="reviewDeadline" label={tx('reviewDeadline')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
        </Flex>
        <Form.Item name="dropExtremes" valuePropName="checked">
          <Checkbox>{tx('dropExtremes')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Campaigns (admins) and the caller's own assessments (leaders, members, reviewers). */
export default function CampaignsPage() {
  const { t } = useI18n();
  const tx = useTexts();
  const manage = usePermission('assessments.manage');
  const [opening, setOpening] = useState(false);
  const campaigns = useCampaigns();
  const mine = useMyAssessments();
  if (campaigns.isLoading || mine.isLoading) return <Skeleton active />;
  if (campaigns.error)
    return (
      <Alert type="error" showIcon title={(campaigns.error as Error).message ?? t('common.loadFailed')} />
    );
  const finished = (c: Campaign) => assessmentFinalStates.reduce((s, st) => s + (c.counts[st] ?? 0), 0);
  return (
    <>
      <PageHeader
        title={tx('campaigns')}
        extra={
          manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpening(true)}>
              {tx('openCampaign')}
            </Button>
          )
        }
      />
      <Flex vertical gap={16}>
        {(mine.data?.length ?? 0) > 0 && (
          <Card size="small" title={tx('myAssessments')}>
            <Table<AssessmentListItem>
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={mine.data}
              columns={[
                { title: tx('year'), dataIndex: 'year', width: 90 },
                {
                  title: tx('studio'),
                  dataIndex: 'studioName',
                  render: (v, a) => <Link to={`/assessments/${a.id}`}>{v}</Link>,
                },
                { title: tx('state'), dataIndex: 'state', render: (s) => <AssessmentStateTag state={s} /> },
                { title: tx('finalScore'), dataIndex: 'finalScore', render: (v) => v ?? '—' },
                { title: tx('grade'), dataIndex: 'grade', render: (v) => v ?? '—' },
              ]}
            />
          </Card>
        )}
        <Card size="small" title={tx('campaign')}>
          {campaigns.data?.length ? (
            <Table<Campaign>
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={campaigns.data}
              scroll={{ x: 'max-content' }}
              columns={[
                { title: tx('year'), dataIndex: 'year', width: 90 },
                {
                  title: tx('campaign'),
                  dataIndex: 'name',
                  render: (v, c) => <Link to={`/assessments/campaigns/${c.id}`}>{v}</Link>,
                },
                {
                  title: tx('rulebook'),
                  key: 'rb',
                  render: (_, c) => `${c.rulebookName} V${c.rulebookVersionNo}`,
                },
                { title: tx('selfDeadline'), dataIndex: 'selfDeadline', render: formatDate },
                { title: tx('reviewDeadline'), dataIndex: 'reviewDeadline', render: formatDate },
                { title: tx('studios'), dataIndex: 'total' },
                {
                  title: tx('progress'),
                  key: 'p',
                  width: 160,
                  render: (_, c) => (
                    <LabelledProgress
                      label={tx('progress')}
                      size="small"
                      percent={c.total ? Math.round((finished(c) / c.total) * 100) : 0}
                    />
                  ),
                },
              ]}
            />
          ) : (
            <Empty description={<Typography.Text type="secondary">{tx('noCampaigns')}</Typography.Text>} />
          )}
        </Card>
      </Flex>
      <OpenCampaignModal open={opening} onClose={() => setOpening(false)} />
    </>
  );
}
