import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Switch,
  Table,
  Tag,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { memberRoleLabels, type SkillGrade, skillGradeLabels } from '../../../../../common/enums';
import type { Member, Studio } from '../../../../../common/schemas/studios';
import { api } from '../../../shared/api/client';
import { applyServerErrors } from '../../../shared/api/form-errors';
import { formatDate } from '../../../shared/format';
import { useErrorToast } from '../../../shared/hooks/useApiMessage';
import { useI18n } from '../../../shared/i18n';
import { labelOf } from '../../../shared/labels';
import { useMembers } from '../api';
import { useTexts } from '../texts';
import { PersonSelect } from './PersonSelect';

const dateProps = {
  getValueProps: (v: string | undefined) => ({ value: v ? dayjs(v) : undefined }),
  normalize: (d: dayjs.Dayjs | null) => (d ? d.format('YYYY-MM-DD') : undefined),
};
const roleColor = { leader: 'gold', core: 'blue', member: 'default', trainee: 'green' } as const;
type Dialog = { kind: 'add' } | { kind: 'edit'; member: Member } | { kind: 'leave'; member: Member } | null;

/** 成员: the roster (leader first), former members on demand, and add / change / leave for managers. */
export function MembersTab({
  studio,
  onChanged,
  onChangeLeader,
}: {
  studio: Studio;
  onChanged: () => void;
  onChangeLeader: () => void;
}) {
  const { t, l, lang } = useI18n();
  const tx = useTexts();
  const qc = useQueryClient();
  const toast = useErrorToast();
  const { message } = App.useApp();
  const [history, setHistory] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm();
  const { data = [], isFetching } = useMembers(studio.id, history);
  const manage = studio.abilities.manageMembers ?? false;
  const roleOptions = (['core', 'member', 'trainee'] as const).map((r) => ({
    value: r,
    label: l(memberRoleLabels[r]),
  }));

  const open = (d: Dialog) => {
    form.resetFields();
    if (d?.kind === 'edit') form.setFieldsValue({ role: d.member.role, division: d.member.division });
    setDialog(d);
  };
  const submit = async () => {
    if (!dialog) return;
    const values = await form.validateFields();
    setSaving(true);
    try {
      const base = `/api/studios/${studio.id}/members`;
      if (dialog.kind === 'add') await api(base, { method: 'POST', body: values });
      else if (dialog.kind === 'edit')
        await api(`${base}/${dialog.member.id}`, {
          method: 'PATCH',
          body: { ...values, version: dialog.member.version },
        });
      else
        await api(`${base}/${dialog.member.id}/leave`, {
          method: 'POST',
          body: { ...values, version: dialog.member.version },
        });
      message.success(t('common.done'));
      setDialog(null);
      void qc.invalidateQueries({ queryKey: ['studios', studio.id, 'members'] });
      onChanged();
    } catch (err) {
      if (!applyServerErrors(form, err)) toast(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card
      size="small"
      title={
        <Space>
          {tx('tabMembers')}
          <Switch size="small" checked={history} onChange={setHistory} aria-label={tx('showHistory')} />
          <span style={{ fontWeight: 'normal' }}>{tx('showHistory')}</span>
        </Space>
      }
      extra={
        manage && (
          <Space>
            {studio.abilities.changeLeader && <Button onClick={onChangeLeader}>{tx('leaderChange')}</Button>}
            <Button type="primary" icon={<PlusOutlined />} onClick={() => open({ kind: 'add' })}>
              {tx('addMember')}
            </Button>
          </Space>
        )
      }
    >
      <Table<Member>
        size="small"
        rowKey="id"
        loading={isFetching}
        dataSource={data}
        pagination={false}
        scroll={{ x: 'max-content' }}
        rowClassName={(m) => (m.leftOn ? 'jx-row-muted' : '')}
        columns={[
          {
            title: tx('person'),
            dataIndex: 'personName',
            render: (n: string, m) => (m.leftOn ? <span style={{ color: '#999' }}>{n}</span> : n),
          },
          { title: tx('employeeNo'), dataIndex: 'employeeNo' },
          {
            title: tx('role'),
            dataIndex: 'role',
            render: (r: Member['role']) => <Tag color={roleColor[r]}>{l(memberRoleLabels[r])}</Tag>,
          },
          { title: tx('division'), dataIndex: 'division', render: (v) => v ?? '—' },
          { title: tx('org'), dataIndex: 'orgName' },
          {
            title: t('people.skillGrade'),
            dataIndex: 'skillGrade',
            render: (g: SkillGrade | null) => labelOf(skillGradeLabels, g, lang) || '—',
          },
          { title: tx('joinedOn'), dataIndex: 'joinedOn', render: formatDate },
          ...(history
            ? [
                {
                  title: tx('leftOn'),
                  dataIndex: 'leftOn',
                  render: (v: string | null, m: Member) =>
                    v ? (
                      `${formatDate(v)}（${m.leftReason ?? ''}）`
                    ) : (
                      <Tag color="green">{tx('current')}</Tag>
                    ),
                },
              ]
            : []),
          ...(manage
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, m: Member) =>
                    !m.leftOn &&
                    m.role !== 'leader' && (
                      <Space size={0}>
                        <Button type="link" size="small" onClick={() => open({ kind: 'edit', member: m })}>
                          {t('common.edit')}
                        </Button>
                        <Button
                          type="link"
                          size="small"
                          danger
                          onClick={() => open({ kind: 'leave', member: m })}
                        >
                          {tx('leave')}
                        </Button>
                      </Space>
                    ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={dialog !== null}
        title={
          dialog?.kind === 'add'
            ? tx('addMember')
            : dialog?.kind === 'edit'
              ? `${tx('editMember')}：${dialog.member.personName}`
              : `${tx('leaveTitle')}：${dialog?.member.personName ?? ''}`
        }
        onCancel={() => setDialog(null)}
        onOk={submit}
        confirmLoading={saving}
        forceRender
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{
            role: 'member',
            joinedOn: dayjs().format('YYYY-MM-DD'),
            leftOn: dayjs().format('YYYY-MM-DD'),
          }}
        >
          {dialog?.kind === 'add' && (
            <Form.Item name="personId" label={tx('person')} rules={[{ required: true }]}>
              <PersonSelect />
            </Form.Item>
          )}
          {dialog?.kind !== 'leave' && (
            <Flex gap={12} wrap>
              <Form.Item
                name="role"
                label={tx('role')}
                rules={[{ required: true }]}
                style={{ minWidth: 140 }}
              >
                <Select options={roleOptions} />
              </Form.Item>
              {dialog?.kind === 'add' && (
                <Form.Item name="joinedOn" label={tx('joinedOn')} rules={[{ required: true }]} {...dateProps}>
                  <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
                </Form.Item>
              )}
            </Flex>
          )}
          {dialog?.kind !== 'leave' && (
            <Form.Item name="division" label={tx('division')} rules={[{ max: 200 }]}>
              <Input maxLength={200} />
            </Form.Item>
          )}
          {dialog?.kind === 'leave' && (
            <>
              <Form.Item name="leftOn" label={tx('leftOn')} rules={[{ required: true }]} {...dateProps}>
                <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
              </Form.Item>
              <Form.Item name="reason" label={tx('leaveReason')} rules={[{ max: 200 }]}>
                <Input maxLength={200} />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </Card>
  );
}
