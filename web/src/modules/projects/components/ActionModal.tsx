import { DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type ReactNode, useState } from 'react';
import { applyServerErrors } from '../../../shared/api/form-errors';
import { useErrorToast } from '../../../shared/hooks/useApiMessage';
import { useFormLayout } from '../../../shared/hooks/useFormLayout';
import { useTexts } from '../texts';

export interface ActionValues {
  opinion?: string;
  conclusion?: string;
  on?: string;
  [k: string]: unknown;
}

/**
 * Confirms one workflow step and collects what it needs: an opinion (required for returns and
 * terminations), a conclusion, a date, or extra fields passed as children (Form.Items).
 */
export function ActionModal({
  open,
  title,
  opinion,
  conclusion,
  date,
  children,
  danger,
  onClose,
  onSubmit,
}: {
  open: boolean;
  title: string;
  opinion?: 'required' | 'optional';
  conclusion?: boolean;
  date?: string;
  children?: ReactNode;
  danger?: boolean;
  onClose: () => void;
  onSubmit: (values: ActionValues) => Promise<unknown>;
}) {
  const tx = useTexts();
  const [form] = Form.useForm();
  const toast = useErrorToast();
  const layout = useFormLayout();
  const [busy, setBusy] = useState(false);
  const ok = async () => {
    const v = (await form.validateFields()) as ActionValues & { onDay?: Dayjs };
    setBusy(true);
    try {
      const { onDay, ...rest } = v;
      await onSubmit({ ...rest, on: onDay ? onDay.format('YYYY-MM-DD') : undefined });
      form.resetFields();
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
      title={title}
      onCancel={onClose}
      onOk={ok}
      confirmLoading={busy}
      okButtonProps={{ danger }}
      destroyOnHidden
      width={560}
    >
      <Form form={form} {...layout} initialValues={{ onDay: date ? dayjs(date) : undefined }}>
        {date !== undefined && (
          <Form.Item name="onDay" label={tx('actionDate')}>
            <DatePicker />
          </Form.Item>
        )}
        {conclusion && (
          <Form.Item
            name="conclusion"
            label={tx('conclusion')}
            rules={[{ required: true, message: tx('opinionRequired') }]}
          >
            <Input.TextArea rows={5} maxLength={5000} showCount />
          </Form.Item>
        )}
        {children}
        {opinion && (
          <Form.Item
            name="opinion"
            label={tx('opinion')}
            rules={opinion === 'required' ? [{ required: true, message: tx('opinionRequired') }] : []}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
