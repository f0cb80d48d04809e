import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import type { IdeaDetail } from '../../../../../common/schemas/ideas';
import type { Page } from '../../../../../common/schemas/shared';
import type { StudioListItem } from '../../../../../common/schemas/studios';
import { api } from '../../../shared/api/client';
import { applyServerErrors } from '../../../shared/api/form-errors';
import { useErrorToast } from '../../../shared/hooks/useApiMessage';
import { ideaKeys } from '../api';
import { useTexts } from '../texts';

function useSave(idea: IdeaDetail, onClose: () => void) {
  const qc = useQueryClient();
  const toast = useErrorToast();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const save = async (path: string, body: object, form: ReturnType<typeof Form.useForm>[0]) => {
    setBusy(true);
    try {
      const next = await api<IdeaDetail>(`/api/ideas/${idea.id}/${path}`, {
        method: 'POST',
        body: { version: idea.version, ...body },
      });
      qc.setQueryData(ideaKeys.one(idea.id), next);
      message.success('OK');
      onClose();
    } catch (err) {
      if (!applyServerErrors(form, err)) toast(err);
    } finally {
      setBusy(false);
    }
  };
  return { busy, save };
}

/** 登记效益: the benefit of an adopted idea in yuan (stored in fen) with how it was measured. */
export function BenefitModal({
  idea,
  open,
  onClose,
}: {
  idea: IdeaDetail;
  open: boolean;
  onClose: () => void;
}) {
  const tx = useTexts();
  const [form] = Form.useForm<{ yuan: number; benefitNote?: string }>();
  const { busy, save } = useSave(idea, onClose);
  return (
    <Modal
      open={open}
      title={tx('recordBenefit')}
      onCancel={onClose}
      confirmLoading={busy}
      onOk={async () => {
        const v = await form.validateFields().catch(() => null);
        if (v)
          await save(
            'benefit',
            { benefitFen: Math.round(v.yuan * 100), benefitNote: v.benefitNote },
            form as never,
          );
      }}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          yuan: idea.benefitFen ? idea.benefitFen / 100 : undefined,
          benefitNote: idea.benefitNote ?? undefined,
        }}
      >
        <Form.Item name="yuan" label={`${tx('benefit')}${tx('benefitYuan')}`} rules={[{ required: true }]}>
          <InputNumber min={0} precision={2} style={{ width: '100%' }} prefix="¥" />
        </Form.Item>
        <Form.Item name="benefitNote" label={tx('benefitNote')}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 转为攻关课题: choose the studio that takes it on (its leader confirms unless the caller manages it). */
export function ToProjectModal({
  idea,
  open,
  onClose,
}: {
  idea: IdeaDetail;
  open: boolean;
  onClose: () => void;
}) {
  const tx = useTexts();
  const [form] = Form.useForm<{ studioId: number; title?: string }>();
  const { busy, save } = useSave(idea, onClose);
  const [q, setQ] = useState('');
  const studios = useQuery({
    queryKey: ['studios', 'pick', q],
    queryFn: () => api<Page<StudioListItem>>('/api/studios', { query: { q, pageSize: 20 } }),
    enabled: open,
  });
  return (
    <Modal
      open={open}
      title={tx('toProject')}
      onCancel={onClose}
      confirmLoading={busy}
      onOk={async () => {
        const v = await form.validateFields().catch(() => null);
        if (v) await save('project', v, form as never);
      }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ title: idea.title }}>
        <Form.Item name="studioId" label={tx('studio')} rules={[{ required: true }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: setQ }}
            loading={studios.isFetching}
            options={(studios.data?.items ?? []).map((s) => ({
              value: s.id,
              label: `${s.name}（${s.field ?? ''}）`,
            }))}
          />
        </Form.Item>
        <Form.Item name="title" label={tx('title')} rules={[{ required: true, min: 2, max: 100 }]}>
          <Input maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
