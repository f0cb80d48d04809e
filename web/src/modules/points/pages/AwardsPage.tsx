import { PlusOutlined, TrophyOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Radio,
  Row,
  Select,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { Award } from '../../../../../common/schemas/points';
import type { Page } from '../../../../../common/schemas/shared';
import type { StudioListItem } from '../../../../../common/schemas/studios';
import { api } from '../../../shared/api/client';
import { applyServerErrors } from '../../../shared/api/form-errors';
import { PageHeader } from '../../../shared/components/PageHeader';
import { formatDate } from '../../../shared/format';
import { useErrorToast } from '../../../shared/hooks/useApiMessage';
import { usePermission } from '../../../shared/hooks/usePermission';
import { PersonSelect } from '../../studios/components/PersonSelect';
import { useTexts } from '../texts';

/** 评优表彰: the group's honour roll with citations; admins grant (and withdraw) awards. */
export default function AwardsPage() {
  const tx = useTexts();
  const qc = useQueryClient();
  const toast = useErrorToast();
  const canManage = usePermission('awards.manage');
  const [open, setOpen] = useState(false);
  const { data, isLoading } = useQuery({
    queryKey: ['awards'],
    queryFn: () => api<Page<Award>>('/api/awards', { query: { pageSize: 100 } }),
  });
  const withdraw = async (a: Award) => {
    try {
      await api(`/api/awards/${a.id}/archive`, { method: 'POST', body: { version: a.version } });
      void qc.invalidateQueries({ queryKey: ['awards'] });
    } catch (err) {
      toast(err);
    }
  };
  return (
    <>
      <PageHeader
        title={tx('awards')}
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
              {tx('newAward')}
            </Button>
          )
        }
      />
      {!isLoading && (data?.items.length ?? 0) === 0 && <Empty />}
      <Row gutter={[16, 16]}>
        {(data?.items ?? []).map((a) => (
          <Col xs={24} md={12} xl={8} key={a.id}>
            <Card
              size="small"
              title={
                <span>
                  <TrophyOutlined style={{ color: '#f5b301' }} /> {a.title}
                </span>
              }
              extra={
                a.abilities.archive && (
                  <Popconfirm title={tx('withdrawAward')} onConfirm={() => withdraw(a)}>
                    <Button size="small" type="link" danger>
                      {tx('withdrawAward')}
                    </Button>
                  </Popconfirm>
                )
              }
            >
              <Typography.Title level={5} style={{ marginTop: 0 }}>
                {a.winnerName} <Tag>{a.subject === 'person' ? tx('personWinner') : tx('studioWinner')}</Tag>
              </Typography.Title>
              <Typography.Paragraph type="secondary">
                {a.orgName} · {formatDate(a.awardedOn)}
              </Typography.Paragraph>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                {a.citation}
              </Typography.Paragraph>
            </Card>
          </Col>
        ))}
      </Row>
      <AwardModal open={open} onClose={() => setOpen(false)} />
    </>
  );
}

function AwardModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const tx = useTexts();
  const qc = useQueryClient();
  const toast = useErrorToast();
  const { message } = App.useApp();
  const [form] = Form.useForm<{
    title: string;
    year: number;
    kind: 'person' | 'studio';
    personId?: number;
    studioId?: number;
    citation: string;
    awardedOn: Dayjs;
  }>();
  const kind = Form.useWatch('kind', form) ?? 'person';
  const [q, setQ] = useState('');
  const studios = useQuery({
    queryKey: ['studios', 'pick', q],
    queryFn: () => api<Page<StudioListItem>>('/api/studios', { query: { q, pageSize: 20 } }),
    enabled: open && kind === 'studio',
  });
  return (
    <Modal
      open={open}
      title={tx('newAward')}
      onCancel={onClose}
      destroyOnHidden
      onOk={async () => {
        const v = await form.validateFields().catch(() => null);
        if (!v) return;
        try {
          await api('/api/awards', {
            method: 'POST',
            body: {
              title: v.title,
              year: v.year,
              personId: v.kind === 'person' ? v.personId : undefined,
              studioId: v.kind === 'studio' ? v.studioId : undefined,
              citation: v.citation,
              awardedOn: v.awardedOn.format('YYYY-MM-DD'),
            },
          });
          message.success('OK');
          void qc.invalidateQueries({ queryKey: ['awards'] });
          form.resetFields();
          onClose();
        } catch (err) {
          if (!applyServerErrors(form, err)) toast(err);
        }
      }}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'person', year: dayjs().year(), awardedOn: dayjs() }}
      >
        <Form.Item name="title" label={tx('awardTitle')} rules={[{ required: true, min: 2, max: 100 }]}>
          <Input placeholder={tx('awardTitlePh')} />
        </Form.Item>
        <Form.Item name="year" label={tx('year')} rules={[{ required: true }]}>
          <InputNumber min={1900} max={2100} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="kind" label={tx('winner')}>
          <Radio.Group
            options={[
              { value: 'person', label: tx('personWinner') },
              { value: 'studio', label: tx('studioWinner') },
            ]}
          />
        </Form.Item>
        {kind === 'person' ? (
          <Form.Item name="personId" label={tx('personWinner')} rules={[{ required: true }]}>
            <PersonSelect />
          </Form.Item>
        ) : (
          <Form.Item name="studioId" label={tx('studioWinner')} rules={[{ required: true }]}>
            <Select
              showSearch={{ filterOption: false, onSearch: setQ }}
              options={(studios.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
            />
          </Form.Item>
        )}
        <Form.Item name="citation" label={tx('citation')} rules={[{ required: true, min: 10, max: 2000 }]}>
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item name="awardedOn" label={tx('awardedOn')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
