import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  Modal,
  Radio,
  Result,
  Select,
  Skeleton,
  Table,
  Tabs,
  Tag,
  Timeline,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { activityKindLabels } from '../../../../../common/schemas/activities';
import {
  type AllianceDetail,
  type AllianceProject,
  allianceProjectStatusLabels,
  type PartnerKind,
  partnerKindLabels,
  partnerKinds,
} from '../../../../../common/schemas/alliances';
import { ApiError, api } from '../../../shared/api/client';
import { applyServerErrors, validValues } from '../../../shared/api/form-errors';
import { PageHeader } from '../../../shared/components/PageHeader';
import { formatDate } from '../../../shared/format';
import { useErrorToast } from '../../../shared/hooks/useApiMessage';
import { useI18n } from '../../../shared/i18n';
import { labelOf, optionsOf } from '../../../shared/labels';
import { StudioSelect } from '../../activities/components/StudioSelect';
import { useLifeTexts } from '../../activities/texts';
import { allianceKeys, useAlliance } from '../api';
import { ProjectModal } from '../components/ProjectModal';
import { useAllianceTexts } from '../texts';

type Member = AllianceDetail['members'][number];
interface DialogValues {
  kind?: 'studio' | 'partner';
  studioId?: number;
  partnerName?: string;
  partnerKind?: PartnerKind;
  date: Dayjs;
}

/** An alliance: members and partners, the lead rotation, joint projects and shared activities. */
export default function AllianceDetailPage() {
  const { id } = useParams();
  const { t, lang } = useI18n();
  const tx = useAllianceTexts();
  const lx = useLifeTexts();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { modal, message } = App.useApp();
  const toast = useErrorToast();
  const [dialog, setDialog] = useState<'member' | 'rotate' | null>(null);
  const [project, setProject] = useState<AllianceProject | 'new' | null>(null);
  const [form] = Form.useForm<DialogValues>();
  const kind = Form.useWatch('kind', form);
  const { data: a, isLoading, error } = useAlliance(Number(id));
  if (isLoading) return <Skeleton active />;
  if (error instanceof ApiError && error.status === 404)
    return <Result status="404" title={t('error.404.title')} subTitle={error.message} />;
  if (error || !a)
    return <Alert type="error" showIcon title={(error as Error | null)?.message ?? t('common.loadFailed')} />;
  const ab = a.abilities ?? {};
  const saved = (x: AllianceDetail) => {
    qc.setQueryData(allianceKeys.one(x.id), x);
    void qc.invalidateQueries({ queryKey: allianceKeys.all });
    message.success(t('common.done'));
  };
  const open = (d: 'member' | 'rotate') => {
    form.resetFields();
    form.setFieldsValue({ kind: 'studio', date: dayjs(), partnerKind: 'university' });
    setDialog(d);
  };
  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    const date = v.date.format('YYYY-MM-DD');
    const req =
      dialog === 'member'
        ? {
            url: 'members',
            body:
              v.kind === 'studio'
                ? { studioId: v.studioId, joinedOn: date }
                : { partnerName: v.partnerName, partnerKind: v.partnerKind, joinedOn: date },
          }
        : { url: 'rotate-lead', body: { studioId: v.studioId, startsOn: date, version: a.version } };
    try {
      saved(
        await api<AllianceDetail>(`/api/alliances/${a.id}/${req.url}`, { method: 'POST', body: req.body }),
      );
      setDialog(null);
    } catch (err) {
      if (!applyServerErrors(form, err)) toast(err);
    }
  };
  const leave = (m: Member) =>
    modal.confirm({
      title: tx('leave'),
      content: m.studio?.name ?? m.partnerName,
      onOk: async () => {
        try {
          saved(
            await api<AllianceDetail>(`/api/alliances/${a.id}/members/${m.id}/leave`, {
              method: 'POST',
              body: { leftOn: dayjs().format('YYYY-MM-DD') },
            }),
          );
        } catch (err) {
          toast(err);
        }
      },
    });
  const setArchived = (archived: boolean) =>
    modal.confirm({
      title: archived ? t('common.archive') : t('common.restore'),
      content: t(archived ? 'common.confirmArchive' : 'common.confirmRestore', { name: a.name }),
      onOk: async () => {
        try {
          saved(
            await api<AllianceDetail>(`/api/alliances/${a.id}/${archived ? 'archive' : 'restore'}`, {
              method: 'POST',
              body: { version: a.version },
            }),
          );
        } catch (err) {
          toast(err);
        }
      },
    });
  const memberStudios = a.members
    .filter((m) => m.studio && !m.leftOn)
    .map((m) => ({ value: m.studio!.id, label: m.studio!.name }));

  return (
    <>
      <PageHeader
        title={
          <Flex align="center" gap={8} wrap>
            <Button
              type="text"
              icon={<ArrowLeftOutlined />}
              onClick={() => navigate(-1)}
              aria-label={t('common.back')}
            />
            {a.name}
            {a.archivedAt && <Tag>{t('common.archived')}</Tag>}
          </Flex>
        }
        extra={
          <>
            {ab.manageMembers && <Button onClick={() => open('member')}>{tx('addMember')}</Button>}
            {ab.rotateLead && <Button onClick={() => open('rotate')}>{tx('rotate')}</Button>}
            {ab.manageProjects && (
              <Button type="primary" onClick={() => setProject('new')}>
                {tx('addProject')}
              </Button>
            )}
            {ab.archive && <Button onClick={() => setArchived(true)}>{t('common.archive')}</Button>}
            {ab.restore && <Button onClick={() => setArchived(false)}>{t('common.restore')}</Button>}
          </>
        }
      />
      <Flex vertical gap={16}>
        <Card size="small">
          <Descriptions
            bordered
            size="small"
            column={{ xs: 1, sm: 1, md: 2, lg: 3 }}
            items={[
              { key: 'org', label: tx('org'), children: a.orgName },
              { key: 'founded', label: tx('foundedOn'), children: formatDate(a.foundedOn) },
              { key: 'term', label: tx('leadTerm'), children: a.leadTermMonths },
              {
                key: 'lead',
                label: tx('lead'),
                children: a.lead ? (
                  <a onClick={() => navigate(`/studios/${a.lead!.id}`)}>{a.lead.name}</a>
                ) : (
                  '—'
                ),
              },
              { key: 'since', label: tx('leadSince'), children: formatDate(a.leadSince) },
              { key: 'next', label: tx('nextRotation'), children: formatDate(a.nextRotationOn) },
              { key: 'intro', label: tx('intro'), span: 'filled', children: a.intro ?? '—' },
            ]}
          />
        </Card>
        <Tabs
          items={[
            {
              key: 'members',
              label: `${tx('members')} ${a.studioCount + a.partnerCount}`,
              children: (
                <Card size="small">
                  <Table<Member>
                    size="small"
                    rowKey="id"
                    pagination={false}
                    dataSource={a.members}
                    scroll={{ x: 'max-content' }}
                    columns={[
                      {
                        title: tx('members'),
                        render: (_, m) =>
                          m.studio ? (
                            <a onClick={() => navigate(`/studios/${m.studio!.id}`)}>{m.studio.name}</a>
                          ) : (
                            m.partnerName
                          ),
                      },
                      {
                        title: tx('memberType'),
                        render: (_, m) =>
                          m.studio ? (
                            <Tag color="blue">{tx('studioMember')}</Tag>
                          ) : (
                            <Tag>{labelOf(partnerKindLabels, m.partnerKind, lang)}</Tag>
                          ),
                      },
                      { title: tx('joinedOn'), dataIndex: 'joinedOn', render: formatDate },
                      { title: tx('leftOn'), dataIndex: 'leftOn', render: formatDate },
                      {
                        title: t('common.actions'),
                        render: (_, m) =>
                          ab.manageMembers && !m.leftOn && m.studio?.id !== a.lead?.id ? (
                            <a onClick={() => leave(m)}>{tx('leave')}</a>
                          ) : null,
                      },
                    ]}
                  />
                </Card>
              ),
            },
            {
              key: 'leads',
              label: tx('leads'),
              children: (
                <Card size="small">
                  <Timeline
                    items={[...a.leads].reverse().map((l, i) => ({
                      key: i,
                      color: l.endsOn ? 'gray' : 'green',
                      content: (
                        <>
                          <strong>{l.studio.name}</strong> {formatDate(l.startsOn)} ~{' '}
                          {l.endsOn ? formatDate(l.endsOn) : <Tag color="green">{tx('current')}</Tag>}
                        </>
                      ),
                    }))}
                  />
                </Card>
              ),
            },
            {
              key: 'projects',
              label: `${tx('projects')} ${a.projects.length}`,
              children: (
                <Card size="small">
                  <Table<AllianceProject>
                    size="small"
                    rowKey="id"
                    pagination={false}
                    dataSource={a.projects}
                    scroll={{ x: 'max-content' }}
                    columns={[
                      { title: tx('projectTitle'), dataIndex: 'title' },
                      { title: tx('leadStudio'), render: (_, p) => p.leadStudio.name },
                      { title: tx('partStudios'), render: (_, p) => p.studios.map((s) => s.name).join('、') },
                      {
                        title: tx('projectStatus'),
                        dataIndex: 'status',
                        render: (s) => <Tag>{labelOf(allianceProjectStatusLabels, s, lang)}</Tag>,
                      },
                      { title: tx('startedOn'), dataIndex: 'startedOn', render: formatDate },
                      { title: tx('endedOn'), dataIndex: 'endedOn', render: formatDate },
                      {
                        title: t('common.actions'),
                        render: (_, p) =>
                          ab.manageProjects ? <a onClick={() => setProject(p)}>{t('common.edit')}</a> : null,
                      },
                    ]}
                  />
                </Card>
              ),
            },
            {
              key: 'activities',
              label: tx('sharedActivities'),
              children: (
                <Card size="small">
                  <Table
                    size="small"
                    rowKey="id"
                    pagination={false}
                    dataSource={a.activities}
                    onRow={(r) => ({
                      onClick: () => navigate(`/activities/${r.id}`),
                      style: { cursor: 'pointer' },
                    })}
                    columns={[
                      { title: lx('heldOn'), dataIndex: 'heldOn', render: formatDate },
                      { title: lx('title'), dataIndex: 'title' },
                      {
                        title: lx('kind'),
                        dataIndex: 'kind',
                        render: (k: string) => labelOf(activityKindLabels, k as never, lang),
                      },
                      { title: lx('studio'), dataIndex: 'studioName' },
                    ]}
                  />
                </Card>
              ),
            },
          ]}
        />
      </Flex>
      <Modal
        open={dialog !== null}
        title={dialog === 'member' ? tx('addMember') : tx('rotate')}
        onOk={submit}
        onCancel={() => setDialog(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          {dialog === 'member' && (
            <Form.Item name="kind" label={tx('memberType')}>
              <Radio.Group
                options={[
                  { value: 'studio', label: tx('studioMember') },
                  { value: 'partner', label: tx('partnerMember') },
                ]}
              />
            </Form.Item>
          )}
          {dialog === 'member' && kind === 'studio' && (
            <Form.Item name="studioId" label={tx('studioMember')} rules={[{ required: true }]}>
              <StudioSelect />
            </Form.Item>
          )}
          {dialog === 'member' && kind === 'partner' && (
            <>
              <Form.Item name="partnerName" label={tx('partnerName')} rules={[{ required: true, max: 100 }]}>
                <Input />
              </Form.Item>
              <Form.Item name="partnerKind" label={tx('partnerKind')}>
                <Select options={optionsOf(partnerKinds, partnerKindLabels, lang)} />
              </Form.Item>
            </>
          )}
          {dialog === 'rotate' && (
            <Form.Item name="studioId" label={tx('rotateTo')}>
              <Select allowClear options={memberStudios.filter((s) => s.value !== a.lead?.id)} />
            </Form.Item>
          )}
          <Form.Item
            name="date"
            label={dialog === 'member' ? tx('joinedOn') : tx('startsOn')}
            rules={[{ required: true }]}
          >
            <DatePicker />
          </Form.Item>
        </Form>
      </Modal>
      <ProjectModal
        alliance={a}
        project={project === 'new' ? null : project}
        open={project !== null}
        onClose={() => setProject(null)}
        onSaved={(x) => {
          setProject(null);
          saved(x);
        }}
      />
    </>
  );
}
