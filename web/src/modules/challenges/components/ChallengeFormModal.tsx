import { DatePicker, Form, Input, InputNumber, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { ChallengeDetail } from '../../../../../common/schemas/challenges';
import { api } from '../../../shared/api/client';
import { applyServerErrors } from '../../../shared/api/form-errors';
import { useErrorToast } from '../../../shared/hooks/useApiMessage';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect';
import { useTexts } from '../texts';

interface Values {
  ownerOrgId: number;
  title: string;
  field: string;
  description: string;
  bountyYuan: number;
  deadline: Dayjs;
}

/** 发布榜单: owner enterprise, problem, field, description, bounty (yuan → fen) and the bid deadline. */
export function ChallengeFormModal({
  open,
  onClose,
  onSaved,
}: {
  open: boolean;
  onClose: () => void;
  onSaved: (c: ChallengeDetail) => void;
}) {
  const tx = useTexts();
  const toast = useErrorToast();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    try {
      const c = await api<ChallengeDetail>('/api/challenges', {
        method: 'POST',
        body: {
          ownerOrgId: v.ownerOrgId,
          title: v.title,
          field: v.field,
          description: v.description,
          bountyFen: Math.round((v.bountyYuan ?? 0) * 100),
          deadline: v.deadline.format('YYYY-MM-DD'),
        },
      });
      form.resetFields();
      onSaved(c);
    } catch (err) {
      if (!applyServerErrors(form, err)) toast(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={tx('post')}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={busy}
      destroyOnHidden
      width={640}
    >
      <Form form={form} layout="vertical" initialValues={{ bountyYuan: 0 }}>
        <Form.Item name="ownerOrgId" label={tx('owner')} rules={[{ required: true }]}>
          <OrgTreeSelect style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="title" label={tx('title')} rules={[{ required: true, min: 2, max: 100 }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="field" label={tx('field')} rules={[{ required: true, max: 50 }]}>
          <Input maxLength={50} placeholder={tx('fieldPh')} />
        </Form.Item>
        <Form.Item
          name="description"
          label={tx('description')}
          rules={[{ required: true, min: 10, max: 5000 }]}
        >
          <Input.TextArea rows={5} maxLength={5000} showCount />
        </Form.Item>
        <Form.Item name="bountyYuan" label={tx('bountyYuan')} rules={[{ required: true }]}>
          <InputNumber min={0} precision={2} prefix="¥" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="deadline" label={tx('deadline')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
