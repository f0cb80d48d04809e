import { App, DatePicker, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { ApplicationDetail } from '../../../../../common/schemas/applications';
import {
  type ApplicationAction,
  applicationActionLabels,
  opinionRequired,
} from '../../../../../common/workflows/application';
import { ApiError, api } from '../../../shared/api/client';
import { applyServerErrors } from '../../../shared/api/form-errors';
import { useErrorToast } from '../../../shared/hooks/useApiMessage';
import { useI18n } from '../../../shared/i18n';
import { useTexts } from '../texts';

interface Values {
  opinion?: string;
  window?: [Dayjs, Dayjs];
  namingBody?: string;
  namedOn?: Dayjs;
}

/** The form behind a workflow button: the opinion, and the publicity window or naming details where needed. */
export function TransitionModal({
  app,
  action,
  onClose,
  onDone,
}: {
  app: ApplicationDetail;
  action: ApplicationAction | null;
  onClose: () => void;
  onDone: (a: ApplicationDetail) => void;
}) {
  const { l } = useI18n();
  const tx = useTexts();
  const toast = useErrorToast();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (action) form.resetFields();
  }, [action, form]);
  if (!action) return null;
  const siteVisit = action === 'finishSiteVisit';
  const naming = action === 'name';
  const needsOpinion = opinionRequired.includes(action) || siteVisit;
  const bodyRequired = naming && app.level !== 'enterprise' && app.level !== 'group';

  const submit = async (v: Values) => {
    setBusy(true);
    try {
      const done = await api<ApplicationDetail>(`/api/applications/${app.id}/transitions`, {
        method: 'POST',
        body: {
          action,
          version: app.version,
          opinion: v.opinion || undefined,
          publicityStart: v.window?.[0]?.format('YYYY-MM-DD'),
          publicityEnd: v.window?.[1]?.format('YYYY-MM-DD'),
          namingBody: v.namingBody || undefined,
          namedOn: v.namedOn?.format('YYYY-MM-DD'),
        },
      });
      message.success(l(applicationActionLabels[action]));
      onDone(done);
    } catch (err) {
      // The window is one range field here; the server names its two ends.
      const f = err instanceof ApiError ? err.fields : {};
      const windowError = f.publicityStart ?? f.publicityEnd;
      if (windowError) form.setFields([{ name: 'window', errors: [windowError] }]);
      if (!applyServerErrors(form, err) && !windowError) toast(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={`${l(applicationActionLabels[action])} · ${app.studioName}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={busy}
      okButtonProps={{ danger: action === 'reject' }}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ window: [dayjs(), dayjs().add(6, 'day')], namedOn: dayjs() }}
      >
        {siteVisit && (
          <Form.Item name="window" label={tx('publicityWindow')} rules={[{ required: true }]}>
            <DatePicker.RangePicker style={{ width: '100%' }} />
          </Form.Item>
        )}
        {naming && (
          <>
            <Form.Item
              name="namingBody"
              label={tx('namingBody')}
              extra={bodyRequired ? undefined : tx('namingBodyHint')}
              rules={bodyRequired ? [{ required: true }] : []}
            >
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="namedOn" label={tx('namedOn')} rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
          </>
        )}
        <Form.Item
          name="opinion"
          label={siteVisit ? tx('siteOpinion') : tx('opinion')}
          rules={needsOpinion ? [{ required: true, whitespace: true, message: tx('opinionRequired') }] : []}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
        {action === 'reject' && (
          <Typography.Text type="danger">
            {l(applicationActionLabels.reject)}：{app.studioName}
          </Typography.Text>
        )}
      </Form>
    </Modal>
  );
}
