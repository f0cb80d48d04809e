import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  Skeleton,
  Table,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate, useParams } from 'react-router';
import {
  type ActivityDetail,
  type ActivityKind,
  activityKindLabels,
  activityKinds,
  type ParticipantRole,
  participantRoleLabels,
  participantRoles,
} from '../../../../../common/schemas/activities';
import type { Alliance } from '../../../../../common/schemas/alliances';
import type { Page } from '../../../../../common/schemas/shared';
import { api } from '../../../shared/api/client';
import { applyServerErrors, validValues } from '../../../shared/api/form-errors';
import { PageHeader } from '../../../shared/components/PageHeader';
import { useErrorToast } from '../../../shared/hooks/useApiMessage';
import { useFormLayout } from '../../../shared/hooks/useFormLayout';
import { useI18n } from '../../../shared/i18n';
import { optionsOf } from '../../../shared/labels';
import { activityKeys, useActivity } from '../api';
import { LifePersonSelect } from '../components/LifePersonSelect';
import { StudioSelect } from '../components/StudioSelect';
import { useLifeTexts } from '../texts';

interface Row {
  personId?: number;
  role?: ParticipantRole;
  attended?: boolean;
  hours?: number | null;
  certificate?: string | null;
}
interface Values {
  studioId?: number;
  kind: ActivityKind;
  title: string;
  heldOn: Dayjs;
  place?: string;
  hours: number;
  outsideCount?: number;
  trainerPersonId?: number | null;
  trainerName?: string | null;
  allianceId?: number | null;
  summary?: string;
  participants: Row[];
}

/** 登记/编辑活动: one form for any kind; a training adds a trainer, trainees and certificates. */
export default function ActivityFormPage() {
  const { id } = useParams();
  const editId = id ? Number(id) : 0;
  const { data: existing, isLoading } = useActivity(editId);
  if (editId && isLoading) return <Skeleton active />;
  return <ActivityForm existing={existing} />;
}

function ActivityForm({ existing }: { existing?: ActivityDetail }) {
  const { t, lang } = useI18n();
  const tx = useLifeTexts();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const toast = useErrorToast();
  const layout = useFormLayout(4);
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? existing?.kind ?? 'training';
  const studioId = Form.useWatch('studioId', form) ?? existing?.studioId;
  const alliances = useQuery({
    queryKey: ['alliances', 'of-studio', studioId],
    queryFn: () => api<Page<Alliance>>('/api/alliances', { query: { studioId, pageSize: 50 } }),
    enabled: !!studioId,
  });
  const known: Record<number, string> = {};
  for (const p of existing?.participants ?? []) known[p.personId] = `${p.name}（${p.employeeNo}）`;
  if (existing?.trainerPersonId && existing.trainerName)
    known[existing.trainerPersonId] = existing.trainerName;

  const initial: Partial<Values> = existing
    ? {
        ...existing,
        heldOn: dayjs(existing.heldOn),
        place: existing.place ?? undefined,
        summary: existing.summary ?? undefined,
        trainerName: existing.trainerPersonId ? null : existing.trainerName,
        participants: existing.participants.map((p) => ({
          personId: p.personId,
          role: p.role,
          attended: !!p.attendedAt,
          hours: p.hours === existing.hours ? null : p.hours,
          certificate: p.certificate,
        })),
      }
    : { kind: 'training', hours: 2, outsideCount: 0, heldOn: dayjs(), participants: [] };

  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    const body = {
      ...(existing ? { version: existing.version } : { studioId: v.studioId }),
      kind: v.kind,
      title: v.title,
      heldOn: v.heldOn.format('YYYY-MM-DD'),
      place: v.place || null,
      hours: v.hours,
      outsideCount: v.outsideCount ?? 0,
      summary: v.summary || null,
      trainerPersonId: v.kind === 'training' ? (v.trainerPersonId ?? null) : null,
      trainerName: v.kind === 'training' && !v.trainerPersonId ? v.trainerName || null : null,
      allianceId: v.allianceId ?? null,
      participants: (v.participants ?? [])
        .filter((p) => p.personId)
        .map((p) => ({
          personId: p.personId,
          role: v.kind === 'training' ? (p.role ?? 'trainee') : 'participant',
          attended: !!p.attended,
          hours: p.hours ?? null,
          certificate: v.kind === 'training' ? p.certificate || null : null,
        })),
    };
    try {
      const saved = await api<ActivityDetail>(
        existing ? `/api/activities/${existing.id}` : '/api/activities',
        {
          method: existing ? 'PATCH' : 'POST',
          body,
        },
      );
      qc.setQueryData(activityKeys.one(saved.id), saved);
      void qc.invalidateQueries({ queryKey: activityKeys.all });
      message.success(tx('saved'));
      navigate(`/activities/${saved.id}`, { replace: true });
    } catch (err) {
      if (!applyServerErrors(form, err)) toast(err);
    }
  };

  return (
    <>
      <PageHeader title={existing ? tx('editActivity') : tx('newActivity')} />
      <Card>
        <Form<Values> form={form} {...layout} initialValues={initial} style={{ maxWidth: 980 }}>
          <Form.Item
            name="studioId"
            label={tx('studio')}
            rules={[{ required: !existing, message: tx('studioSearch') }]}
          >
            <StudioSelect disabled={!!existing} initialLabel={existing?.studioName} />
          </Form.Item>
          <Form.Item name="kind" label={tx('kind')} rules={[{ required: true }]}>
            <Select options={optionsOf(activityKinds, activityKindLabels, lang)} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="title" label={tx('title')} rules={[{ required: true, max: 100 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="heldOn" label={tx('heldOn')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="place" label={tx('place')}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="hours" label={tx('hours')} rules={[{ required: true }]}>
            <InputNumber min={0} max={1000} step={0.5} />
          </Form.Item>
          {kind === 'training' && (
            <Form.Item label={tx('trainer')} required>
              <Flex gap={8} wrap>
                <Form.Item name="trainerPersonId" noStyle>
                  <LifePersonSelect
                    studioId={studioId}
                    known={known}
                    placeholder={tx('trainerPerson')}
                    style={{ width: 260 }}
                  />
                </Form.Item>
                <Form.Item name="trainerName" noStyle>
                  <Input placeholder={tx('trainerName')} style={{ width: 200 }} maxLength={50} />
                </Form.Item>
              </Flex>
            </Form.Item>
          )}
          <Form.Item name="outsideCount" label={tx('outsideCount')}>
            <InputNumber min={0} max={100000} />
          </Form.Item>
          <Form.Item name="allianceId" label={tx('alliance')}>
            <Select
              allowClear
              style={{ width: 300 }}
              options={(alliances.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))}
            />
          </Form.Item>
          <Form.Item name="summary" label={tx('summary')}>
            <Input.TextArea rows={3} maxLength={5000} showCount />
          </Form.Item>
          <Form.Item label={tx('participants')}>
            <Form.List name="participants">
              {(fields, { add, remove }) => (
                <Flex vertical gap={8}>
                  <Table
                    size="small"
                    pagination={false}
                    rowKey="key"
                    dataSource={fields}
                    scroll={{ x: 'max-content' }}
                    columns={[
                      {
                        title: tx('person'),
                        render: (_, f) => (
                          <Form.Item name={[f.name, 'personId']} noStyle>
                            <LifePersonSelect studioId={studioId} known={known} style={{ width: 240 }} />
                          </Form.Item>
                        ),
                      },
                      ...(kind === 'training'
                        ? [
                            {
                              title: tx('role'),
                              render: (_: unknown, f: { name: number }) => (
                                <Form.Item name={[f.name, 'role']} noStyle>
                                  <Select
                                    placeholder={participantRoleLabels.trainee[lang]}
                                    options={optionsOf(participantRoles, participantRoleLabels, lang)}
                                    style={{ width: 110 }}
                                  />
                                </Form.Item>
                              ),
                            },
                          ]
                        : []),
                      {
                        title: tx('attended'),
                        render: (_, f) => (
                          <Form.Item name={[f.name, 'attended']} valuePropName="checked" noStyle>
                            <Checkbox />
                          </Form.Item>
                        ),
                      },
                      {
                        title: tx('hours'),
                        render: (_, f) => (
                          <Form.Item name={[f.name, 'hours']} noStyle>
                            <InputNumber
                              min={0}
                              max={1000}
                              step={0.5}
                              placeholder={String(form.getFieldValue('hours') ?? '')}
                              style={{ width: 80 }}
                            />
                          </Form.Item>
                        ),
                      },
                      ...(kind === 'training'
                        ? [
                            {
                              title: tx('certificate'),
                              render: (_: unknown, f: { name: number }) => (
                                <Form.Item name={[f.name, 'certificate']} noStyle>
                                  <Input maxLength={200} style={{ width: 180 }} />
                                </Form.Item>
                              ),
                            },
                          ]
                        : []),
                      {
                        title: t('common.actions'),
                        render: (_, f) => (
                          <Button
                            type="text"
                            danger
                            icon={<DeleteOutlined />}
                            onClick={() => remove(f.name)}
                            aria-label={t('common.archive')}
                          />
                        ),
                      },
                    ]}
                  />
                  <Button
                    icon={<PlusOutlined />}
                    onClick={() => add({ attended: false })}
                    style={{ alignSelf: 'flex-start' }}
                  >
                    {tx('addParticipant')}
                  </Button>
                </Flex>
              )}
            </Form.List>
          </Form.Item>
          {kind === 'training' && (
            <Alert type="info" showIcon title={tx('trainingRequired')} style={{ marginBottom: 16 }} />
          )}
          <Form.Item wrapperCol={layout.layout === 'horizontal' ? { offset: 4 } : undefined}>
            <Flex gap={8}>
              <Button type="primary" onClick={submit}>
                {t('common.save')}
              </Button>
              <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>
            </Flex>
          </Form.Item>
        </Form>
      </Card>
    </>
  );
}
