import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Form,
  Input,
  Row,
  Segmented,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { roleLabels } from '../../../../../common/roles';
import type { Me } from '../../../../../common/schemas/auth';
import { useLogout } from '../../../app/layout/useLogout';
import { api } from '../../../shared/api/client';
import { applyServerErrors } from '../../../shared/api/form-errors';
import { PageHeader } from '../../../shared/components/PageHeader';
import { useErrorToast } from '../../../shared/hooks/useApiMessage';
import { useFormLayout } from '../../../shared/hooks/useFormLayout';
import { useMe, useSetMe } from '../../../shared/hooks/useMe';
import { type Lang, useI18n } from '../../../shared/i18n';

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** 我的账号: profile and roles, language, change password, log out everywhere. */
export default function MyAccountPage() {
  const { data: me } = useMe();
  const setMe = useSetMe();
  const { t, l, lang, setLang } = useI18n();
  const { modal, message } = App.useApp();
  const toast = useErrorToast();
  const logout = useLogout();
  const layout = useFormLayout(8);
  const [form] = Form.useForm<PasswordValues>();
  const [busy, setBusy] = useState(false);
  if (!me) return null;

  const changeLang = async (next: Lang) => {
    setLang(next);
    setMe({ ...me, locale: next });
    try {
      await api('/api/auth/prefs', { method: 'PATCH', body: { locale: next } });
      message.success(next === 'zh' ? '已保存' : 'Saved');
    } catch (err) {
      toast(err);
    }
  };

  const changePassword = async (v: PasswordValues) => {
    setBusy(true);
    try {
      const fresh = await api<Me>('/api/auth/password', {
        method: 'POST',
        body: { currentPassword: v.currentPassword, newPassword: v.newPassword },
      });
      setMe(fresh);
      form.resetFields();
      message.success(t('me.passwordChanged'));
    } catch (err) {
      if (!applyServerErrors(form, err)) toast(err);
    } finally {
      setBusy(false);
    }
  };

  const required = (label: string) => ({ required: true, message: t('common.required', { label }) });
  return (
    <>
      <PageHeader title={t('me.title')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('me.profile')}>
            <Descriptions
              bordered
              size="small"
              column={1}
              items={[
                { key: 'u', label: t('me.username'), children: me.username },
                { key: 'n', label: t('me.name'), children: me.name },
                {
                  key: 'r',
                  label: t('me.roles'),
                  children: (
                    <Flex vertical gap={4}>
                      {me.grants.length === 0 && t('home.noRoles')}
                      {me.grants.map((g) => (
                        <span key={g.id}>
                          <Tag color="blue">{l(roleLabels[g.role])}</Tag>
                          {g.orgName}
                        </span>
                      ))}
                    </Flex>
                  ),
                },
                {
                  key: 'l',
                  label: t('me.language'),
                  children: (
                    <Segmented<Lang>
                      value={lang}
                      onChange={changeLang}
                      options={[
                        { value: 'zh', label: t('lang.zh') },
                        { value: 'en', label: t('lang.en') },
                      ]}
                    />
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('me.changePassword')}>
            <Form form={form} {...layout} onFinish={changePassword} autoComplete="off">
              <Form.Item
                name="currentPassword"
                label={t('me.currentPassword')}
                rules={[required(t('me.currentPassword'))]}
              >
                <Input.Password autoComplete="current-password" />
              </Form.Item>
              <Form.Item
                name="newPassword"
                label={t('me.newPassword')}
                extra={t('accounts.passwordRule')}
                rules={[
                  required(t('me.newPassword')),
                  { pattern: /^(?=.*[A-Za-z])(?=.*\d).{8,200}$/, message: t('accounts.passwordRule') },
                ]}
              >
                <Input.Password autoComplete="new-password" />
              </Form.Item>
              <Form.Item
                name="confirm"
                label={t('me.confirmPassword')}
                dependencies={['newPassword']}
                rules={[
                  required(t('me.confirmPassword')),
                  ({ getFieldValue }) => ({
                    validator: (_, value) =>
                      !value || value === getFieldValue('newPassword')
                        ? Promise.resolve()
                        : Promise.reject(new Error(t('me.passwordMismatch'))),
                  }),
                ]}
              >
                <Input.Password autoComplete="new-password" />
              </Form.Item>
              <Form.Item label={layout.layout === 'horizontal' ? ' ' : undefined} colon={false}>
                <Button type="primary" htmlType="submit" loading={busy}>
                  {t('me.changePassword')}
                </Button>
              </Form.Item>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('me.sessions')}>
            <Typography.Paragraph type="secondary">{t('me.logoutAllText')}</Typography.Paragraph>
            <Button
              danger
              onClick={() =>
                modal.confirm({
                  title: t('me.logoutAll'),
                  content: t('me.confirmLogoutAll'),
                  okButtonProps: { danger: true },
                  onOk: () => logout(true),
                })
              }
            >
              {t('me.logoutAll')}
            </Button>
          </Card>
        </Col>
      </Row>
    </>
  );
}
