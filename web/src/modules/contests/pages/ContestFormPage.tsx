import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  Skeleton,
  Table,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate, useParams } from 'react-router';
import {
  type ContestAward,
  type ContestDetail,
  type ContestLevel,
  contestAwardLabels,
  contestAwards,
  contestLevelLabels,
  contestLevels,
} from '../../../../../common/schemas/contests';
import { api } from '../../../shared/api/client';
import { applyServerErrors, validValues } from '../../../shared/api/form-errors';
import { PageHeader } from '../../../shared/components/PageHeader';
import { useErrorToast } from '../../../shared/hooks/useApiMessage';
import { useFormLayout } from '../../../shared/hooks/useFormLayout';
import { useI18n } from '../../../shared/i18n';
import { optionsOf } from '../../../shared/labels';
import { LifePersonSelect } from '../../activities/components/LifePersonSelect';
import { StudioSelect } from '../../activities/components/StudioSelect';
import { useLifeTexts } from '../../activities/texts';
import { contestKeys, useContest } from '../api';

interface Entry {
  personId?: number;
  score?: number | null;
  rank?: number | null;
  award?: ContestAward | null;
  awardTitle?: string | null;
}
interface Values {
  studioId?: number;
  name: string;
  level: ContestLevel;
  trade: string;
  heldOn: Dayjs;
  place?: string;
  organizer?: string;
  summary?: string;
  entries: Entry[];
}

/** 登记/编辑比武: the contest and an editable results table (ranks computed from scores when left empty). */
export default function ContestFormPage() {
  const { id } = useParams();
  const editId = id ? Number(id) : 0;
  const { data, isLoading } = useContest(editId);
  if (editId && isLoading) return <Skeleton active />;
  return <ContestForm existing={data} />;
}

function ContestForm({ existing }: { existing?: ContestDetail }) {
  const { t, lang } = useI18n();
  const tx = useLifeTexts();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const toast = useErrorToast();
  const layout = useFormLayout(4);
  const [form] = Form.useForm<Values>();
  const studioId = Form.useWatch('studioId', form) ?? existing?.studioId;
  const known = Object.fromEntries(
    (existing?.entries ?? []).map((e) => [e.personId, `${e.name}（${e.employeeNo}）`]),
  );
  const initial: Partial<Values> = existing
    ? {
        ...existing,
        heldOn: dayjs(existing.heldOn),
        place: existing.place ?? undefined,
        organizer: existing.organizer ?? undefined,
        summary: existing.summary ?? undefined,
        entries: existing.entries.map((e) => ({
          personId: e.personId,
          score: e.score,
          rank: e.rank,
          award: e.award,
          awardTitle: e.awardTitle,
        })),
      }
    : { level: 'enterprise', heldOn: dayjs(), entries: [] };

  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    const body = {
      ...(existing ? { version: existing.version } : { studioId: v.studioId }),
      name: v.name,
      level: v.level,
      trade: v.trade,
      heldOn: v.heldOn.format('YYYY-MM-DD'),
      place: v.place || null,
      organizer: v.organizer || null,
      summary: v.summary || null,
      entries: (v.entries ?? [])
        .filter((e) => e.personId)
        .map((e) => ({
          personId: e.personId,
          score: e.score ?? null,
          rank: e.rank ?? null,
          award: e.award ?? null,
          awardTitle: e.awardTitle || null,
        })),
    };
    try {
      const saved = await api<ContestDetail>(existing ? `/api/contests/${existing.id}` : '/api/contests', {
        method: existing ? 'PATCH' : 'POST',
        body,
      });
      qc.setQueryData(contestKeys.one(saved.id), saved);
      void qc.invalidateQueries({ queryKey: contestKeys.all });
      message.success(tx('saved'));
      navigate(`/contests/${saved.id}`, { replace: true });
    } catch (err) {
      if (!applyServerErrors(form, err)) toast(err);
    }
  };

  return (
    <>
      <PageHeader title={existing ? tx('editContest') : tx('newContest')} />
      <Card>
        <Form<Values> form={form} {...layout} initialValues={initial} style={{ maxWidth: 1000 }}>
          <Form.Item
            name="studioId"
            label={tx('studio')}
            rules={[{ required: !existing, message: tx('studioSearch') }]}
          >
            <StudioSelect disabled={!!existing} initialLabel={existing?.studioName} />
          </Form.Item>
          <Form.Item name="name" label={tx('contestName')} rules={[{ required: true, max: 100 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="level" label={tx('level')} rules={[{ required: true }]}>
            <Select options={optionsOf(contestLevels, contestLevelLabels, lang)} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="trade" label={tx('trade')} rules={[{ required: true, max: 50 }]}>
            <Input style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="heldOn" label={tx('heldOn')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="organizer" label={tx('organizer')}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="place" label={tx('place')}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="summary" label={tx('summary')}>
            <Input.TextArea rows={2} maxLength={5000} />
          </Form.Item>
          <Form.Item
            label={tx('entries')}
            extra={<Typography.Text type="secondary">{tx('rankHint')}</Typography.Text>}
          >
            <Form.List name="entries">
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
                            <LifePersonSelect studioId={studioId} known={known} style={{ width: 220 }} />
                          </Form.Item>
                        ),
                      },
                      {
                        title: tx('score'),
                        render: (_, f) => (
                          <Form.Item name={[f.name, 'score']} noStyle>
                            <InputNumber min={0} max={10000} style={{ width: 90 }} />
                          </Form.Item>
                        ),
                      },
                      {
                        title: tx('rank'),
                        render: (_, f) => (
                          <Form.Item name={[f.name, 'rank']} noStyle>
                            <InputNumber min={1} max={10000} precision={0} style={{ width: 70 }} />
                          </Form.Item>
                        ),
                      },
                      {
                        title: tx('award'),
                        render: (_, f) => (
                          <Form.Item name={[f.name, 'award']} noStyle>
                            <Select
                              allowClear
                              options={optionsOf(contestAwards, contestAwardLabels, lang)}
                              style={{ width: 110 }}
                            />
                          </Form.Item>
                        ),
                      },
                      {
                        title: tx('awardTitle'),
                        render: (_, f) => (
                          <Form.Item name={[f.name, 'awardTitle']} noStyle>
                            <Input maxLength={50} style={{ width: 120 }} />
                          </Form.Item>
                        ),
                      },
                      {
                        title: t('common.actions'),
                        render: (_, f) => (
                          <Button
                            type="text"
                            danger
                            icon={<DeleteOutlined />}
                            onClick={() => remove(f.name)}
                          />
                        ),
                      },
                    ]}
                  />
                  <Button icon={<PlusOutlined />} onClick={() => add({})} style={{ alignSelf: 'flex-start' }}>
                    {tx('addEntrant')}
                  </Button>
                </Flex>
              )}
            </Form.List>
          </Form.Item>
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
