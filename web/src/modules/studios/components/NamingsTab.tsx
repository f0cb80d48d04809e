import { PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { namingLevelLabels, namingLevels } from '../../../../../common/enums';
import type { Naming, Studio } from '../../../../../common/schemas/studios';
import { api } from '../../../shared/api/client';
import { applyServerErrors } from '../../../shared/api/form-errors';
import { formatDate } from '../../../shared/format';
import { useErrorToast } from '../../../shared/hooks/useApiMessage';
import { useI18n } from '../../../shared/i18n';
import { optionsOf } from '../../../shared/labels';
import { useTexts } from '../texts';
import { LevelTag } from './StudioTags';

const dateProps = {
  getValueProps: (v: string | null | undefined) => ({ value: v ? dayjs(v) : undefined }),
  normalize: (d: dayjs.Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null),
};

/** 命名记录: the naming history (level, body, date, plaque); the group admin adds, corrects or revokes entries. */
export function NamingsTab({ studio, onChanged }: { studio: Studio; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const tx = useTexts();
  const toast = useErrorToast();
  const { modal, message } = App.useApp();
  const [editing, setEditing] = useState<Naming | 'new' | null>(null);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm();
  const manage = studio.abilities.manageNamings ?? false;
  const base = `/api/studios/${studio.id}/namings`;

  const open = (n: Naming | 'new') => {
    form.resetFields();
    if (n !== 'new') form.setFieldsValue(n);
    setEditing(n);
  };
  const submit = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      if (editing === 'new') await api(base, { method: 'POST', body: values });
      else if (editing)
        await api(`${base}/${editing.id}`, {
          method: 'PATCH',
          body: { ...values, version: editing.version },
        });
      message.success(t('common.done'));
      setEditing(null);
      onChanged();
    } catch (err) {
      if (!applyServerErrors(form, err)) toast(err);
    } finally {
      setSaving(false);
    }
  };
  const remove = (n: Naming) =>
    modal.confirm({
      title: tx('deleteNaming'),
      content: tx('confirmDeleteNaming'),
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await api(`${base}/${n.id}/archive`, { method: 'POST', body: { version: n.version } });
          onChanged();
        } catch (err) {
          toast(err);
        }
      },
    });

  return (
    <Card
      size="small"
      title={tx('tabNamings')}
      extra={
        manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')}>
            {tx('addNaming')}
          </Button>
        )
      }
    >
      {studio.namings.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={tx('noNamings')} />
      ) : (
        <Table<Naming>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={[...studio.namings].reverse()}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: tx('level'), dataIndex: 'level', render: (v) => <LevelTag level={v} /> },
            { title: tx('namingBody'), dataIndex: 'namingBody' },
            { title: tx('namedOn'), dataIndex: 'namedOn', render: formatDate },
            { title: tx('plaqueNo'), dataIndex: 'plaqueNo', render: (v) => v ?? '—' },
            {
              title: t('common.status'),
              dataIndex: 'revokedOn',
              render: (v: string | null, n: Naming) =>
                v ? (
                  <Tooltip title={n.revokeReason}>
                    <Tag color="red">{`${tx('revoked')} ${formatDate(v)}`}</Tag>
                  </Tooltip>
                ) : (
                  <Tag color="green">{t('common.active')}</Tag>
                ),
            },
            { title: tx('note'), dataIndex: 'note', render: (v) => v ?? '—' },
            ...(manage
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    render: (_: unknown, n: Naming) => (
                      <Space size={0}>
                        <Button type="link" size="small" onClick={() => open(n)}>
                          {t('common.edit')}
                        </Button>
                        <Button type="link" size="small" danger onClick={() => remove(n)}>
                          {tx('delete')}
                        </Button>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      <Modal
        open={editing !== null}
        title={editing === 'new' ? tx('addNaming') : tx('editNaming')}
        onCancel={() => setEditing(null)}
        onOk={submit}
        confirmLoading={saving}
        forceRender
      >
        <Form form={form} layout="vertical">
          <Form.Item name="level" label={tx('level')} rules={[{ required: true }]}>
            <Select options={optionsOf(namingLevels, namingLevelLabels, lang)} />
          </Form.Item>
          <Form.Item
            name="namingBody"
            label={tx('namingBody')}
            rules={[{ required: true, min: 2, max: 100 }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="namedOn" label={tx('namedOn')} rules={[{ required: true }]} {...dateProps}>
            <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
          <Form.Item name="plaqueNo" label={tx('plaqueNo')} rules={[{ max: 60 }]}>
            <Input maxLength={60} />
          </Form.Item>
          {editing !== 'new' && (
            <Form.Item name="revokedOn" label={tx('revokedOn')} {...dateProps}>
              <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
          )}
          <Form.Item name="note" label={tx('note')} rules={[{ max: 500 }]}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
