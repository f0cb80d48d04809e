import { useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import type { IdeaDetail } from '../../../../../common/schemas/ideas';
import { type IdeaAction, ideaActionLabels, ideaTransitions } from '../../../../../common/workflows/idea';
import { api } from '../../../shared/api/client';
import { applyServerErrors } from '../../../shared/api/form-errors';
import { useErrorToast } from '../../../shared/hooks/useApiMessage';
import { useI18n } from '../../../shared/i18n';
import { ideaKeys } from '../api';
import { useTexts } from '../texts';
import { UserPicker } from './UserPicker';

/** One workflow action on an idea: the written answer when the table needs one, the handler or merge target. */
export function IdeaActionModal({
  idea,
  action,
  targetId,
  onClose,
}: {
  idea: IdeaDetail;
  action: IdeaAction | null;
  targetId?: number;
  onClose: () => void;
}) {
  const { l } = useI18n();
  const tx = useTexts();
  const toast = useErrorToast();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ answer?: string; handlerUserId?: number; targetId?: number }>();
  const [busy, setBusy] = useState(false);
  const needsAnswer = action ? ideaTransitions.some((t) => t.action === action && t.needsAnswer) : false;

  const submit = async () => {
    if (!action) return;
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setBusy(true);
    try {
      const next = await api<IdeaDetail>(`/api/ideas/${idea.id}/actions/${action}`, {
        method: 'POST',
        body: { version: idea.version, ...values },
      });
      qc.setQueryData(ideaKeys.one(idea.id), next);
      void qc.invalidateQueries({ queryKey: ideaKeys.all });
      message.success(l(ideaActionLabels[action]));
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
      open={action !== null}
      title={action ? `${l(ideaActionLabels[action])} · ${idea.code}` : ''}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ targetId }} preserve={false}>
        {action === 'assign' && (
          <Form.Item name="handlerUserId" label={tx('handler')} rules={[{ required: true }]}>
            <UserPicker />
          </Form.Item>
        )}
        {action === 'merge' && (
          <Form.Item name="targetId" label={tx('target')} rules={[{ required: true }]}>
            <Select options={idea.similar.map((s) => ({ value: s.id, label: `${s.code} ${s.title}` }))} />
          </Form.Item>
        )}
        {(needsAnswer || action === 'evaluate') && (
          <Form.Item
            name="answer"
            label={tx('answer')}
            rules={needsAnswer ? [{ required: true, min: 2, message: tx('answerRequired') }] : []}
          >
            <Input.TextArea rows={5} maxLength={3000} showCount placeholder={tx('answerPh')} />
          </Form.Item>
        )}
        {!needsAnswer && action !== 'assign' && action !== 'evaluate' && (
          <p>{tx('confirmAction', { action: action ? l(ideaActionLabels[action]) : '' })}</p>
        )}
      </Form>
    </Modal>
  );
}
