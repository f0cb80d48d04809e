import {
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Form,
  Input,
  List,
  Modal,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import type { ApplicationDetail, Objection } from '../../../../../common/schemas/applications';
import { api } from '../../../shared/api/client';
import { applyServerErrors } from '../../../shared/api/form-errors';
import { formatDate, formatDateTime } from '../../../shared/format';
import { useErrorToast } from '../../../shared/hooks/useApiMessage';
import { useTexts } from '../texts';

/** 公示 window and the objections with their resolutions; admins resolve from here, anyone in the group files. */
export function ObjectionsPanel({
  app,
  onChanged,
}: {
  app: ApplicationDetail;
  onChanged: (a?: ApplicationDetail) => void;
}) {
  const tx = useTexts();
  const [resolving, setResolving] = useState<Objection | null>(null);
  const [filing, setFiling] = useState(false);
  return (
    <Card
      size="small"
      title={tx('publicity')}
      extra={
        app.abilities.fileObjection && <Button onClick={() => setFiling(true)}>{tx('fileObjection')}</Button>
      }
    >
      <Descriptions
        size="small"
        items={[
          {
            key: 'w',
            label: tx('publicityWindow'),
            children: app.publicityStart
              ? `${formatDate(app.publicityStart)} ~ ${formatDate(app.publicityEnd)}`
              : '—',
          },
        ]}
      />
      {app.objections.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={tx('noObjections')} />
      ) : (
        <List<Objection>
          dataSource={app.objections}
          renderItem={(o) => (
            <List.Item
              actions={
                app.abilities.resolveObjection && o.status === 'open'
                  ? [
                      <Button key="r" type="primary" size="small" onClick={() => setResolving(o)}>
                        {tx('resolve')}
                      </Button>,
                    ]
                  : []
              }
            >
              <List.Item.Meta
                title={
                  <Space wrap>
                    <Tag color={o.status === 'open' ? 'orange' : 'green'}>
                      {tx(o.status === 'open' ? 'open' : 'resolved')}
                    </Tag>
                    <Typography.Text type="secondary">
                      {o.filedByName ? `${tx('filedBy')}：${o.filedByName} · ` : ''}
                      {formatDateTime(o.filedAt)}
                    </Typography.Text>
                  </Space>
                }
                description={
                  <>
                    <Typography.Paragraph style={{ marginBottom: 4, whiteSpace: 'pre-wrap' }}>
                      {o.content}
                    </Typography.Paragraph>
                    {o.resolution && (
                      <Typography.Paragraph type="success" style={{ marginBottom: 0 }}>
                        {tx('resolution')}（{o.resolvedByName} {formatDateTime(o.resolvedAt)}）：
                        {o.resolution}
                      </Typography.Paragraph>
                    )}
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
      {resolving && (
        <TextModal
          title={`${tx('resolve')}：${resolving.content.slice(0, 20)}`}
          label={tx('resolution')}
          min={2}
          url={`/api/applications/${app.id}/objections/${resolving.id}/resolve`}
          field="resolution"
          onClose={() => setResolving(null)}
          onDone={(x) => {
            setResolving(null);
            onChanged(x as ApplicationDetail);
          }}
        />
      )}
      {filing && (
        <TextModal
          title={`${tx('fileObjection')}：${app.studioName}`}
          label={tx('objectionContent')}
          extra={tx('objectionHint')}
          min={5}
          url={`/api/applications/${app.id}/objections`}
          field="content"
          onClose={() => setFiling(false)}
          onDone={() => {
            setFiling(false);
            onChanged();
          }}
        />
      )}
    </Card>
  );
}

/** A one-field modal posting `{ [field]: text }` to `url`. */
export function TextModal({
  title,
  label,
  extra,
  min,
  url,
  field,
  onClose,
  onDone,
}: {
  title: string;
  label: string;
  extra?: string;
  min: number;
  url: string;
  field: string;
  onClose: () => void;
  onDone: (result: unknown) => void;
}) {
  const toast = useErrorToast();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const submit = async (v: Record<string, string>) => {
    setBusy(true);
    try {
      const r = await api(url, { method: 'POST', body: { [field]: v[field] } });
      message.success(title.split('：')[0]!);
      onDone(r);
    } catch (err) {
      if (!applyServerErrors(form, err)) toast(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={title} onCancel={onClose} onOk={() => form.submit()} confirmLoading={busy}>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name={field}
          label={label}
          extra={extra}
          rules={[{ required: true, whitespace: true, min }]}
        >
          <Input.TextArea rows={5} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
