import { useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  InputNumber,
  List,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import type { Result } from '../../../../../common/schemas/results';
import { resultGradeLabels } from '../../../../../common/schemas/results';
import { api } from '../../../shared/api/client';
import { formatDateTime } from '../../../shared/format';
import { useErrorToast } from '../../../shared/hooks/useApiMessage';
import { useI18n } from '../../../shared/i18n';
import { resultKeys } from '../api';
import { useTexts } from '../texts';

/**
 * 评审: the pinned score sheet and its version, the assigned experts and their scores (for reviewers), the
 * average and the grade the sheet suggests; an assigned expert scores here (经济效益 is scored by rule).
 */
export function ReviewPanel({ result: r }: { result: Result }) {
  const { t, l } = useI18n();
  const tx = useTexts();
  const qc = useQueryClient();
  const toast = useErrorToast();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const sheet = r.scoreSheet;
  if (!sheet && !r.scores.length) return null;
  const mine = r.scores[0] && r.abilities.score ? r.scores[0] : undefined;
  const submit = async () => {
    const v = await form.validateFields();
    const { opinion, ...items } = v;
    setBusy(true);
    try {
      await api(`/api/results/${r.id}/score`, { method: 'PUT', body: { items, opinion } });
      message.success(t('common.done'));
      await qc.invalidateQueries({ queryKey: resultKeys.one(r.id) });
    } catch (err) {
      const fields = (err as { fields?: Record<string, string> }).fields ?? {};
      form.setFields(
        Object.entries(fields).map(([k, m]) => ({ name: k.replace(/^items\./, ''), errors: [m] })),
      );
      toast(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={tx('review')}>
      {sheet && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {tx('scoreSheet')}：{sheet.name}（v{sheet.version}）·{' '}
          {sheet.indicators.map((i) => `${i.name} ${i.max}`).join(' / ')}
        </Typography.Paragraph>
      )}
      {(r.scoreAvg !== null || r.suggestedGrade) && (
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'avg', label: tx('scoreAvg'), children: r.scoreAvg ?? '—' },
            ...(r.suggestedGrade
              ? [
                  {
                    key: 'g',
                    label: tx('suggestedGrade'),
                    children: <Tag color="gold">{l(resultGradeLabels[r.suggestedGrade])}</Tag>,
                  },
                ]
              : []),
          ]}
        />
      )}
      {r.reviewers.length > 0 && (
        <List
          size="small"
          header={tx('reviewers')}
          dataSource={r.reviewers}
          renderItem={(x) => (
            <List.Item key={x.userId}>
              {x.name}{' '}
              <Tag color={x.scored ? 'green' : 'default'}>{tx(x.scored ? 'scored' : 'notScored')}</Tag>
            </List.Item>
          )}
        />
      )}
      {r.scores.length > 0 && (
        <Table
          size="small"
          rowKey="reviewerUserId"
          pagination={false}
          dataSource={r.scores}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: tx('reviewers'), dataIndex: 'reviewerName' },
            ...(sheet?.indicators ?? []).map((i) => ({
              title: i.name,
              key: i.key,
              render: (_: unknown, s: Result['scores'][number]) => s.items[i.key] ?? '—',
            })),
            { title: tx('total'), dataIndex: 'total' },
            { title: '', dataIndex: 'scoredAt', render: formatDateTime },
          ]}
        />
      )}
      {r.abilities.score && sheet && (
        <Form
          form={form}
          layout="vertical"
          style={{ marginTop: 12 }}
          initialValues={{ ...(mine?.items ?? {}), opinion: mine?.opinion ?? undefined }}
        >
          <Typography.Text strong>{tx('myScore')}</Typography.Text>
          <Space wrap style={{ marginTop: 8 }}>
            {sheet.indicators.map((i) =>
              i.bands ? (
                <Form.Item key={i.key} label={`${i.name}（${i.max}）`} tooltip={tx('byRule')}>
                  <Typography.Text type="secondary">{tx('byRule')}</Typography.Text>
                </Form.Item>
              ) : (
                <Form.Item
                  key={i.key}
                  name={i.key}
                  label={`${i.name}（${i.max}）`}
                  rules={[{ required: true }]}
                >
                  <InputNumber min={0} max={i.max} step={0.5} style={{ width: 110 }} />
                </Form.Item>
              ),
            )}
          </Space>
          <Form.Item name="opinion" label={tx('reviewOpinion')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Button type="primary" loading={busy} onClick={submit}>
            {tx('submitScore')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
