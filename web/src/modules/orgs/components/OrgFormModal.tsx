import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { type OrgKind, orgKindLabels, orgKindRank, orgKinds } from '../../../../../common/enums';
import type { Org } from '../../../../../common/schemas/orgs';
import { api } from '../../../shared/api/client';
import { applyServerErrors, validValues } from '../../../shared/api/form-errors';
import { useErrorToast } from '../../../shared/hooks/useApiMessage';
import { useFormLayout } from '../../../shared/hooks/useFormLayout';
import { useI18n } from '../../../shared/i18n';

interface Values {
  kind: OrgKind;
  code: string;
  name: string;
  employeeCount: number;
}

/** Creates a child under `parent`, or edits `org`. */
export function OrgFormModal(props: {
  open: boolean;
  parent?: Org;
  org?: Org;
  onClose: () => void;
  onSaved: (org: Org) => void;
}) {
  const { t, l, lang } = useI18n();
  const { message } = App.useApp();
  const toast = useErrorToast();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const layout = useFormLayout(6);
  const editing = props.org;
  const parent = props.parent;

  useEffect(() => {
    if (!props.open) return;
    form.resetFields();
    if (editing)
      form.setFieldsValue({
        kind: editing.kind,
        code: editing.code,
        name: editing.name,
        employeeCount: editing.employeeCount,
      });
    else if (parent) {
      const next = orgKinds.find((k) => orgKindRank[k] === orgKindRank[parent.kind] + 1);
      form.setFieldsValue({ kind: next, employeeCount: 0 });
    }
  }, [props.open, editing, parent, form]);

  const minRank = parent ? orgKindRank[parent.kind] + 1 : 0;
  const kindOptions = orgKinds
    .filter((k) => (editing ? editing.parentId === null || k !== 'group' : orgKindRank[k] >= minRank))
    .map((k) => ({ value: k, label: orgKindLabels[k][lang] }));

  const onOk = async () => {
    const values = await validValues(form);
    if (!values) return;
    setBusy(true);
    try {
      const saved = editing
        ? await api<Org>(`/api/orgs/${editing.id}`, {
            method: 'PATCH',
            body: { ...values, version: editing.version },
          })
        : await api<Org>('/api/orgs', { method: 'POST', body: { ...values, parentId: parent!.id } });
      message.success(t('common.saved'));
      props.onSaved(saved);
    } catch (err) {
      if (!applyServerErrors(form, err)) toast(err);
    } finally {
      setBusy(false);
    }
  };

  const required = (label: string) => ({ required: true, message: t('common.required', { label }) });
  return (
    <Modal
      open={props.open}
      title={editing ? t('orgs.editTitle') : t('orgs.createTitle')}
      onCancel={props.onClose}
      onOk={onOk}
      okText={t('common.save')}
      confirmLoading={busy}
      destroyOnHidden
      forceRender
    >
      <Form form={form} {...layout} style={{ marginTop: 16 }}>
        {!editing && parent && <Form.Item label={t('orgs.parent')}>{parent.name}</Form.Item>}
        <Form.Item name="name" label={t('orgs.name')} rules={[required(t('orgs.name'))]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('orgs.code')}
          extra={t('orgs.codeRule')}
          rules={[required(t('orgs.code')), { pattern: /^[A-Za-z0-9_.-]+$/, message: t('orgs.codeRule') }]}
        >
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="kind" label={t('orgs.kind')} rules={[required(t('orgs.kind'))]}>
          <Select options={kindOptions} placeholder={l(orgKindLabels.workshop)} />
        </Form.Item>
        <Form.Item name="employeeCount" label={t('orgs.employeeCount')}>
          <InputNumber min={0} max={10_000_000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
