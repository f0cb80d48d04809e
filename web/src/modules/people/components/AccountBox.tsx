import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Empty, Flex, Form, Input, Modal, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { grantableRoles, type Role, roleLabels } from '../../../../../common/roles';
import type { Account, RoleGrant } from '../../../../../common/schemas/auth';
import type { Person } from '../../../../../common/schemas/people';
import { api } from '../../../shared/api/client';
import { applyServerErrors, validValues } from '../../../shared/api/form-errors';
import { formatDateTime } from '../../../shared/format';
import { useErrorToast } from '../../../shared/hooks/useApiMessage';
import { useFormLayout } from '../../../shared/hooks/useFormLayout';
import { useMe } from '../../../shared/hooks/useMe';
import { usePermission } from '../../../shared/hooks/usePermission';
import { useI18n } from '../../../shared/i18n';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect';

const passwordRule = /^(?=.*[A-Za-z])(?=.*\d).{8,200}$/;

type Dialog = 'create' | 'reset' | 'grant' | null;

/** The person's login account for admins: create it, reset the password, disable, grant and revoke roles. */
export function AccountBox({ person, onChanged }: { person: Person; onChanged: () => void }) {
  const { t, l } = useI18n();
  const { modal, message } = App.useApp();
  const toast = useErrorToast();
  const qc = useQueryClient();
  const layout = useFormLayout(7);
  const { data: me } = useMe();
  const canGrant = usePermission('roles.grant');
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const key = ['users', person.userId] as const;
  const { data: account } = useQuery({
    queryKey: key,
    queryFn: () => api<Account>(`/api/users/${person.userId}`),
    enabled: person.userId !== null,
  });

  const grantable = [...new Set((me?.grants ?? []).flatMap((g) => grantableRoles[g.role]))];
  const required = (label: string) => ({ required: true, message: t('common.required', { label }) });
  const pwRules = (label: string) => [
    required(label),
    { pattern: passwordRule, message: t('accounts.passwordRule') },
  ];

  const open = (d: Dialog) => {
    form.resetFields();
    setDialog(d);
  };
  const submit = async () => {
    const values = await validValues(form);
    if (!values) return;
    setBusy(true);
    try {
      if (dialog === 'create') {
        await api<Account>('/api/users', { method: 'POST', body: { personId: person.id, ...values } });
        onChanged();
      } else if (dialog === 'reset') {
        await api(`/api/users/${person.userId}/reset-password`, { method: 'POST', body: values });
      } else if (dialog === 'grant') {
        qc.setQueryData(
          key,
          await api<Account>(`/api/users/${person.userId}/grants`, { method: 'POST', body: values }),
        );
      }
      message.success(t('common.done'));
      setDialog(null);
    } catch (err) {
      if (!applyServerErrors(form, err)) toast(err);
    } finally {
      setBusy(false);
    }
  };

  const setDisabled = (disabled: boolean) => {
    const run = async () => {
      try {
        qc.setQueryData(
          key,
          await api<Account>(`/api/users/${person.userId}`, { method: 'PATCH', body: { disabled } }),
        );
        message.success(t('common.done'));
      } catch (err) {
        toast(err);
      }
    };
    if (!disabled) return void run();
    modal.confirm({
      title: t('accounts.disable'),
      content: t('accounts.confirmDisable', { name: account?.username ?? '' }),
      okButtonProps: { danger: true },
      onOk: run,
    });
  };

  const revoke = (g: RoleGrant) =>
    modal.confirm({
      title: t('accounts.revoke'),
      content: t('accounts.confirmRevoke', { role: l(roleLabels[g.role]), org: g.orgName }),
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          qc.setQueryData(
            key,
            await api<Account>(`/api/users/${person.userId}/grants/${g.id}`, { method: 'DELETE' }),
          );
          message.success(t('common.done'));
        } catch (err) {
          toast(err);
        }
      },
    });

  const dialogTitle = {
    create: t('accounts.create'),
    reset: t('accounts.resetPassword'),
    grant: t('accounts.grant'),
  };
  return (
    <Card size="small" title={t('accounts.title')}>
      {person.userId === null ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('accounts.none')}>
          {!person.archivedAt && (
            <Button type="primary" onClick={() => open('create')}>
              {t('accounts.create')}
            </Button>
          )}
        </Empty>
      ) : (
        account && (
          <Flex vertical gap={12}>
            <Flex gap={8} wrap>
              <Button
                onClick={() =>
                  modal.confirm({
                    title: t('accounts.resetPassword'),
                    content: t('accounts.confirmReset'),
                    onOk: () => open('reset'),
                  })
                }
              >
                {t('accounts.resetPassword')}
              </Button>
              {account.disabled ? (
                <Button onClick={() => setDisabled(false)}>{t('accounts.enable')}</Button>
              ) : (
                <Button danger onClick={() => setDisabled(true)}>
                  {t('accounts.disable')}
                </Button>
              )}
              {canGrant && grantable.length > 0 && (
                <Button icon={<PlusOutlined />} onClick={() => open('grant')}>
                  {t('accounts.grant')}
                </Button>
              )}
            </Flex>
            <Descriptions
              size="small"
              bordered
              column={{ xs: 1, md: 2 }}
              items={[
                { key: 'u', label: t('accounts.username'), children: account.username },
                {
                  key: 's',
                  label: t('common.status'),
                  children: account.disabled ? (
                    <Tag color="red">{t('accounts.disabled')}</Tag>
                  ) : account.lockedUntil && new Date(account.lockedUntil) > new Date() ? (
                    <Tag color="orange">
                      {t('accounts.locked', { time: formatDateTime(account.lockedUntil) })}
                    </Tag>
                  ) : (
                    <Tag color="green">{t('common.active')}</Tag>
                  ),
                },
              ]}
            />
            <Table<RoleGrant>
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={account.grants}
              scroll={{ x: 'max-content' }}
              columns={[
                {
                  title: t('accounts.role'),
                  dataIndex: 'role',
                  render: (r: Role) => <Tag color="blue">{l(roleLabels[r])}</Tag>,
                },
                { title: t('accounts.roleOrg'), dataIndex: 'orgName' },
                ...(canGrant
                  ? [
                      {
                        title: t('common.actions'),
                        key: 'a',
                        width: 90,
                        render: (_: unknown, g: RoleGrant) => (
                          <Button type="link" danger size="small" onClick={() => revoke(g)}>
                            {t('accounts.revoke')}
                          </Button>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          </Flex>
        )
      )}
      <Modal
        open={dialog !== null}
        title={dialog ? dialogTitle[dialog] : ''}
        onCancel={() => setDialog(null)}
        onOk={submit}
        confirmLoading={busy}
        okText={t('common.confirm')}
        forceRender
      >
        <Form form={form} {...layout} style={{ marginTop: 16 }}>
          {dialog === 'create' && (
            <>
              <Form.Item
                name="username"
                label={t('accounts.username')}
                extra={t('accounts.usernameRule')}
                rules={[
                  required(t('accounts.username')),
                  { pattern: /^[A-Za-z0-9_.@-]{2,60}$/, message: t('accounts.usernameRule') },
                ]}
              >
                <Input autoComplete="off" />
              </Form.Item>
              <Form.Item
                name="password"
                label={t('accounts.initialPassword')}
                extra={t('accounts.passwordRule')}
                rules={pwRules(t('accounts.initialPassword'))}
              >
                <Input.Password autoComplete="new-password" />
              </Form.Item>
            </>
          )}
          {dialog === 'reset' && (
            <Form.Item
              name="newPassword"
              label={t('accounts.newPassword')}
              extra={t('accounts.passwordRule')}
              rules={pwRules(t('accounts.newPassword'))}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          )}
          {dialog === 'grant' && (
            <>
              <Form.Item name="role" label={t('accounts.role')} rules={[required(t('accounts.role'))]}>
                <Select options={grantable.map((r) => ({ value: r, label: l(roleLabels[r]) }))} />
              </Form.Item>
              <Form.Item name="orgId" label={t('accounts.roleOrg')} rules={[required(t('accounts.roleOrg'))]}>
                <OrgTreeSelect style={{ width: '100%' }} />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </Card>
  );
}
