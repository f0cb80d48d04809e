import { App, Form, Modal } from 'antd';
import { useState } from 'react';
import { orgKindRank } from '../../../../../common/enums';
import type { Org } from '../../../../../common/schemas/orgs';
import { api } from '../../../shared/api/client';
import { applyServerErrors, validValues } from '../../../shared/api/form-errors';
import { useErrorToast } from '../../../shared/hooks/useApiMessage';
import { useFormLayout } from '../../../shared/hooks/useFormLayout';
import { useI18n } from '../../../shared/i18n';
import { useOrgTree } from '../api';
import { subtreeIds } from '../org-tree';
import { OrgTreeSelect } from './OrgTreeSelect';

/** Moves `org` under a new parent; its own subtree, archived nodes and lower kinds cannot be chosen. */
export function OrgMoveModal({
  org,
  onClose,
  onSaved,
}: {
  org: Org | null;
  onClose: () => void;
  onSaved: (org: Org) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const toast = useErrorToast();
  const [form] = Form.useForm<{ parentId: number }>();
  const [busy, setBusy] = useState(false);
  const layout = useFormLayout(8);
  const { data: orgs = [] } = useOrgTree();
  const blocked = org ? subtreeIds(orgs, org.id) : new Set<number>();

  const onOk = async () => {
    if (!org) return;
    const values = await validValues(form);
    if (!values) return;
    const { parentId } = values;
    setBusy(true);
    try {
      const saved = await api<Org>(`/api/orgs/${org.id}/move`, {
        method: 'POST',
        body: { parentId, version: org.version },
      });
      message.success(t('common.done'));
      onSaved(saved);
    } catch (err) {
      if (!applyServerErrors(form, err)) toast(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={org !== null}
      title={t('orgs.moveTitle')}
      onCancel={onClose}
      onOk={onOk}
      okText={t('common.confirm')}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Form form={form} {...layout} style={{ marginTop: 16 }} preserve={false}>
        <Form.Item label={t('orgs.org')}>{org?.name}</Form.Item>
        <Form.Item
          name="parentId"
          label={t('orgs.moveTo')}
          rules={[{ required: true, message: t('common.required', { label: t('orgs.parent') }) }]}
        >
          <OrgTreeSelect
            style={{ width: '100%' }}
            disable={(o) =>
              blocked.has(o.id) ||
              o.id === org?.parentId ||
              !org ||
              orgKindRank[o.kind] >= orgKindRank[org.kind]
            }
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
