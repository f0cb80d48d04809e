import { App, Checkbox, DatePicker, Form, Input, Modal } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { LeaderChange, Studio } from '../../../../../common/schemas/studios';
import { ApiError, api } from '../../../shared/api/client';
import { applyServerErrors } from '../../../shared/api/form-errors';
import { useErrorToast } from '../../../shared/hooks/useApiMessage';
import { useTexts } from '../texts';
import { PersonSelect } from './PersonSelect';

/** 领衔人变更: the new leader, the reason and the date; the old leader stays on as core unless unticked. */
export function LeaderChangeModal({
  studio,
  open,
  onClose,
  onDone,
}: {
  studio: Studio;
  open: boolean;
  onClose: () => void;
  onDone: (s: Studio) => void;
}) {
  const tx = useTexts();
  const toast = useErrorToast();
  const { message } = App.useApp();
  const [form] = Form.useForm<Omit<LeaderChange, 'version'>>();
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      const s = await api<Studio>(`/api/studios/${studio.id}/leader-change`, {
        method: 'POST',
        body: { ...values, version: studio.version },
      });
      message.success(tx('leaderChanged'));
      form.resetFields();
      onDone(s);
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        toast(err);
        onClose();
      } else if (!applyServerErrors(form, err)) toast(err);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      title={`${tx('leaderChange')}：${studio.name}`}
      open={open}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ keepOldAsCore: true, effectiveOn: dayjs().format('YYYY-MM-DD') }}
      >
        <Form.Item label={tx('leader')}>{studio.leaderName ?? '—'}</Form.Item>
        <Form.Item name="personId" label={tx('newLeader')} rules={[{ required: true }]}>
          <PersonSelect />
        </Form.Item>
        <Form.Item name="reason" label={tx('reason')} rules={[{ required: true, min: 2, max: 500 }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Form.Item
          name="effectiveOn"
          label={tx('effectiveOn')}
          rules={[{ required: true }]}
          getValueProps={(v: string | undefined) => ({ value: v ? dayjs(v) : undefined })}
          normalize={(d: dayjs.Dayjs | null) => (d ? d.format('YYYY-MM-DD') : undefined)}
        >
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="keepOldAsCore" valuePropName="checked">
          <Checkbox>{tx('keepOldAsCore')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
