import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Form, Input, Modal, Radio } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { AssessmentDetail } from '../../../../../common/schemas/assessments';
import {
  type AssessmentAction,
  assessmentActionLabels,
  assessmentOpinionRequired,
} from '../../../../../common/workflows/assessment';
import { api } from '../../../shared/api/client';
import { applyServerErrors } from '../../../shared/api/form-errors';
import { useErrorToast } from '../../../shared/hooks/useApiMessage';
import { useI18n } from '../../../shared/i18n';
import { useTexts } from '../texts';

interface Values {
  action: AssessmentAction;
  opinion?: string;
  tasks?: { title: string; detail?: string; deadline: Dayjs }[];
}

/**
 * One workflow move with its opinion. With several `actions` (the outcome: 保留 / 整改 / 摘牌) the user picks
 * one; 整改 asks for at least one task with a deadline.
 */
export function TransitionModal({
  a,
  actions,
  title,
  onClose,
  onDone,
}: {
  a: AssessmentDetail;
  actions: AssessmentAction[] | null;
  title?: string;
  onClose: () => void;
  onDone: (d: AssessmentDetail) => void;
}) {
  const { t, l } = useI18n();
  const tx = useTexts();
  const toast = useErrorToast();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const action = Form.useWatch('action', form) ?? actions?.[0];
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      const next = await api<AssessmentDetail>(`/api/assessments/${a.id}/transitions`, {
        method: 'POST',
        body: {
          action: v.action,
          opinion: v.opinion || null,
          version: a.version,
          tasks:
            v.action === 'rectify'
              ? (v.tasks ?? []).map((x) => ({
                  title: x.title,
                  detail: x.detail || null,
                  deadline: x.deadline.format('YYYY-MM-DD'),
                }))
              : undefined,
        },
      });
      onDone(next);
    } catch (err) {
      if (!applyServerErrors(form, err)) toast(err);
    } finally {
      setBusy(false);
    }
  };
  const open = !!actions?.length;
  return (
    <Modal
      open={open}
      title={title ?? (actions?.[0] ? l(assessmentActionLabels[actions[0]]) : '')}
      onCancel={onClose}
      onOk={submit}
      okText={t('common.confirm')}
      confirmLoading={busy}
      destroyOnHidden
      width={action === 'rectify' ? 640 : 480}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          action: actions?.[0],
          tasks: [{ title: '', deadline: dayjs().add(2, 'month') }],
        }}
      >
        <Form.Item name="action" hidden={(actions?.length ?? 0) < 2} label={tx('outcome')}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={(actions ?? []).map((x) => ({ value: x, label: l(assessmentActionLabels[x]) }))}
          />
        </Form.Item>
        <Form.Item
          name="opinion"
          label={tx('opinion')}
          rules={
            action && assessmentOpinionRequired.includes(action)
              ? [{ required: true, message: tx('opinionRequired') }]
              : []
          }
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        {action === 'rectify' && (
          <Form.List name="tasks">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Flex key={f.key} gap={8} align="flex-start" wrap>
                    <Form.Item
                      name={[f.name, 'title']}
                      label={tx('taskTitle')}
                      rules={[{ required: true, min: 2 }]}
                      style={{ flex: '2 1 200px' }}
                    >
                      <Input maxLength={200} />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'detail']}
                      label={tx('taskDetail')}
                      style={{ flex: '2 1 160px' }}
                    >
                      <Input maxLength={2000} />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'deadline']}
                      label={tx('taskDeadline')}
                      rules={[{ required: true }]}
                    >
                      <DatePicker />
                    </Form.Item>
                    {fields.length > 1 && (
                      <Button
                        type="text"
                        icon={<MinusCircleOutlined />}
                        onClick={() => remove(f.name)}
                        style={{ marginTop: 30 }}
                        aria-label={tx('taskTitle')}
                      />
                    )}
                  </Flex>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ deadline: dayjs().add(2, 'month') })}>
                  {tx('addTask')}
                </Button>
              </>
            )}
          </Form.List>
        )}
      </Form>
    </Modal>
  );
}

/** The leader reports one rectification task done, with what was done. */
export function TaskReportModal({
  a,
  taskId,
  onClose,
  onDone,
}: {
  a: AssessmentDetail;
  taskId: number | null;
  onClose: () => void;
  onDone: (d: AssessmentDetail) => void;
}) {
  const { t } = useI18n();
  const tx = useTexts();
  const toast = useErrorToast();
  const [form] = Form.useForm<{ report: string }>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      onDone(
        await api<AssessmentDetail>(`/api/assessments/${a.id}/tasks/${taskId}/report`, {
          method: 'POST',
          body: { report: v.report },
        }),
      );
    } catch (err) {
      if (!applyServerErrors(form, err)) toast(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={taskId !== null}
      title={tx('reportTask')}
      onCancel={onClose}
      onOk={submit}
      okText={t('common.confirm')}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="report" label={tx('report')} rules={[{ required: true, min: 2 }]}>
          <Input.TextArea rows={4} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
