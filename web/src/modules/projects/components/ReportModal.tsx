import { Checkbox, DatePicker, Form, Input, Modal, Select, Slider } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { Project } from '../../../../../common/schemas/projects';
import { api } from '../../../shared/api/client';
import { applyServerErrors } from '../../../shared/api/form-errors';
import { useErrorToast } from '../../../shared/hooks/useApiMessage';
import { useFormLayout } from '../../../shared/hooks/useFormLayout';
import { useTexts } from '../texts';

/** 报告进展: date, overall progress, what was done, optionally completing a milestone. */
export function ReportModal({
  project: p,
  open,
  onClose,
  onSaved,
}: {
  project: Project;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const tx = useTexts();
  const [form] = Form.useForm();
  const layout = useFormLayout();
  const toast = useErrorToast();
  const [busy, setBusy] = useState(false);
  const save = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      await api(`/api/projects/${p.id}/reports`, {
        method: 'POST',
        body: {
          ...v,
          reportedOn: v.reportedOn.format('YYYY-MM-DD'),
          completesMilestone: !!v.completesMilestone,
        },
      });
      form.resetFields();
      onSaved();
      onClose();
    } catch (err) {
      if (!applyServerErrors(form, err)) toast(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={tx('report')}
      onCancel={onClose}
      onOk={save}
      confirmLoading={busy}
      destroyOnHidden
      width={600}
    >
      <Form
        form={form}
        {...layout}
        initialValues={{ reportedOn: dayjs(), progress: p.reports.at(-1)?.progress ?? 0 }}
      >
        <Form.Item name="milestoneId" label={tx('milestone')}>
          <Select
            allowClear
            options={p.milestones.filter((m) => !m.completedOn).map((m) => ({ value: m.id, label: m.title }))}
          />
        </Form.Item>
        <Form.Item
          name="completesMilestone"
          valuePropName="checked"
          wrapperCol={{ offset: layout.layout === 'horizontal' ? 6 : 0 }}
        >
          <Checkbox>{tx('completesMilestone')}</Checkbox>
        </Form.Item>
        <Form.Item name="reportedOn" label={tx('reportedOn')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="progress" label={tx('progress')}>
          <Slider marks={{ 0: '0', 50: '50', 100: '100' }} />
        </Form.Item>
        <Form.Item name="content" label={tx('reportContent')} rules={[{ required: true, min: 2 }]}>
          <Input.TextArea rows={4} maxLength={3000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
