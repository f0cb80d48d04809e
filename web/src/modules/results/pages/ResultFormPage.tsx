import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Result as AntResult,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Skeleton,
  Space,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { ProjectListItem } from '../../../../../common/schemas/projects';
import {
  contributorRoleLabels,
  contributorRoles,
  patentStatuses,
  patentStatusLabels,
  patentTypeLabels,
  patentTypes,
  type Result,
  type ResultKind,
  resultKindLabels,
  resultKinds,
} from '../../../../../common/schemas/results';
import type { Page } from '../../../../../common/schemas/shared';
import { api } from '../../../shared/api/client';
import { PageHeader } from '../../../shared/components/PageHeader';
import { useErrorToast } from '../../../shared/hooks/useApiMessage';
import { useFormLayout } from '../../../shared/hooks/useFormLayout';
import { useI18n } from '../../../shared/i18n';
import { optionsOf } from '../../../shared/labels';
import { useMyStudio } from '../../projects/api';
import { RosterSelect } from '../../projects/components/RosterSelect';
import { SimilarityPanel } from '../../projects/components/SimilarityPanel';
import { StudioPicker } from '../../projects/components/StudioPicker';
import { resultKeys, useResult } from '../api';
import { useTexts } from '../texts';

interface FormValues {
  studioId?: number;
  projectId?: number;
  kind: ResultKind;
  title: string;
  field?: string;
  problem: string;
  principle?: string;
  innovationPoints?: string;
  implemented?: Dayjs;
  contributors: { personId?: number; share?: number; role: 'main' | 'participant' }[];
  hasPatent: boolean;
  patent?: { type?: string; applicationNo?: string; filed?: Dayjs; granted?: Dayjs; status?: string };
  media: { title?: string; outlet?: string; published?: Dayjs }[];
  confidential: boolean;
}

/** 登记成果 / 修改成果: contributors with shares (must total 100%), the patent block, and the similarity check. */
export default function ResultFormPage() {
  const { id } = useParams();
  const editing = id ? Number(id) : 0;
  const { data, isLoading } = useResult(editing);
  if (editing && isLoading) return <Skeleton active />;
  if (editing && !data) return <AntResult status="404" />;
  return <ResultForm result={data} />;
}

function ResultForm({ result }: { result?: Result }) {
  const { t, lang } = useI18n();
  const tx = useTexts();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const qc = useQueryClient();
  const toast = useErrorToast();
  const { message } = App.useApp();
  const layout = useFormLayout(5);
  const [form] = Form.useForm<FormValues>();
  const [busy, setBusy] = useState(false);
  const [contribError, setContribError] = useState<string | null>(null);
  const myStudio = useMyStudio();
  useEffect(() => {
    if (result || !myStudio || form.getFieldValue('studioId')) return;
    form.setFieldsValue({ studioId: myStudio.id, field: myStudio.field ?? undefined });
  }, [result, myStudio, form]);
  const studioId = Form.useWatch('studioId', form) ?? result?.studioId;
  const kind = Form.useWatch('kind', form);
  const hasPatent = Form.useWatch('hasPatent', form);
  const contributors = Form.useWatch('contributors', form) ?? [];
  const total = Math.round(contributors.reduce((s, c) => s + (c?.share ?? 0), 0) * 100) / 100;
  const text = `${Form.useWatch('title', form) ?? ''}\n${Form.useWatch('problem', form) ?? ''}`;
  const [debounced, setDebounced] = useState(text);
  useEffect(() => {
    const h = setTimeout(() => setDebounced(text), 600);
    return () => clearTimeout(h);
  }, [text]);
  const { data: projects } = useQuery({
    queryKey: ['projects', 'pick', studioId],
    queryFn: () => api<Page<ProjectListItem>>('/api/projects', { query: { studioId, pageSize: 100 } }),
    enabled: !!studioId,
  });

  const initial: Partial<FormValues> = result
    ? {
        studioId: result.studioId,
        projectId: result.projectId ?? undefined,
        kind: result.kind,
        title: result.title,
        field: result.field ?? undefined,
        problem: result.problem,
        principle: result.principle ?? undefined,
        innovationPoints: result.innovationPoints ?? undefined,
        implemented: result.implementedOn ? dayjs(result.implementedOn) : undefined,
        contributors: result.contributors.map((c) => ({
          personId: c.personId,
          share: c.share,
          role: c.role,
        })),
        hasPatent: !!result.patent,
        patent: result.patent
          ? {
              type: result.patent.type,
              applicationNo: result.patent.applicationNo,
              filed: dayjs(result.patent.filedOn),
              granted: result.patent.grantedOn ? dayjs(result.patent.grantedOn) : undefined,
              status: result.patent.status,
            }
          : undefined,
        media: result.media.map((m) => ({
          title: m.title,
          outlet: m.outlet,
          published: m.publishedOn ? dayjs(m.publishedOn) : undefined,
        })),
        confidential: result.confidential,
      }
    : {
        studioId: params.get('studioId') ? Number(params.get('studioId')) : undefined,
        projectId: params.get('projectId') ? Number(params.get('projectId')) : undefined,
        kind: 'technicalImprovement',
        contributors: [{ share: 100, role: 'main' }],
        hasPatent: false,
        media: [],
        confidential: false,
      };

  const save = async (v: FormValues) => {
    const withPatent = v.hasPatent || v.kind === 'patent';
    const body = {
      kind: v.kind,
      projectId: v.projectId ?? null,
      title: v.title,
      field: v.field || null,
      problem: v.problem,
      principle: v.principle || null,
      innovationPoints: v.innovationPoints || null,
      implementedOn: v.implemented?.format('YYYY-MM-DD') ?? null,
      contributors: v.contributors.map((c) => ({ personId: c.personId, share: c.share, role: c.role })),
      patent:
        withPatent && v.patent
          ? {
              type: v.patent.type,
              applicationNo: v.patent.applicationNo,
              filedOn: v.patent.filed?.format('YYYY-MM-DD'),
              grantedOn: v.patent.granted?.format('YYYY-MM-DD') ?? null,
              status: v.patent.status,
            }
          : null,
      media: (v.media ?? [])
        .filter((m) => m.title)
        .map((m) => ({
          title: m.title,
          outlet: m.outlet || undefined,
          publishedOn: m.published?.format('YYYY-MM-DD'),
        })),
      confidential: v.confidential,
    };
    setBusy(true);
    try {
      const saved = result
        ? await api<Result>(`/api/results/${result.id}`, {
            method: 'PATCH',
            body: { ...body, version: result.version },
          })
        : await api<Result>('/api/results', { method: 'POST', body: { ...body, studioId: v.studioId } });
      void qc.invalidateQueries({ queryKey: resultKeys.all });
      message.success(`${t('common.saved')} ${saved.archiveNo}`);
      navigate(`/results/${saved.id}`, { replace: true });
    } catch (err) {
      const fields = (err as { fields?: Record<string, string> }).fields ?? {};
      setContribError(fields.contributors ?? null);
      // Server paths patent.filedOn / patent.grantedOn / implementedOn map to the date pickers of this form.
      const rename: Record<string, string> = {
        'patent.filedOn': 'patent.filed',
        'patent.grantedOn': 'patent.granted',
        implementedOn: 'implemented',
      };
      form.setFields(
        Object.entries(fields)
          .filter(([k]) => k !== 'contributors')
          .map(([k, m]) => ({
            name: (rename[k] ?? k).split('.').map((x) => (/^\d+$/.test(x) ? Number(x) : x)) as never,
            errors: [m],
          })),
      );
      toast(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader title={result ? tx('editResult') : tx('newResult')} sub={result?.archiveNo} />
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Card size="small">
            <Form<FormValues>
              form={form}
              {...layout}
              initialValues={initial}
              onFinish={save}
              scrollToFirstError
            >
              <Form.Item name="studioId" label={tx('studio')} rules={[{ required: true }]}>
                <StudioPicker
                  disabled={!!result}
                  initialLabel={result?.studioName ?? myStudio?.name}
                  onPicked={(s) =>
                    s?.field && !form.getFieldValue('field') && form.setFieldValue('field', s.field)
                  }
                />
              </Form.Item>
              <Form.Item name="projectId" label={tx('project')}>
                <Select
                  allowClear
                  options={(projects?.items ?? []).map((p) => ({
                    value: p.id,
                    label: `${p.code} ${p.title}`,
                  }))}
                />
              </Form.Item>
              <Form.Item name="kind" label={tx('kind')} rules={[{ required: true }]}>
                <Select options={optionsOf(resultKinds, resultKindLabels, lang)} style={{ width: 200 }} />
              </Form.Item>
              <Form.Item name="title" label={tx('title')} rules={[{ required: true, min: 2, max: 100 }]}>
                <Input maxLength={100} showCount />
              </Form.Item>
              <Form.Item name="field" label={tx('field')}>
                <Input maxLength={50} style={{ width: 220 }} />
              </Form.Item>
              <Form.Item name="problem" label={tx('problem')} rules={[{ required: true, min: 2 }]}>
                <Input.TextArea rows={3} maxLength={3000} showCount />
              </Form.Item>
              <Form.Item name="principle" label={tx('principle')}>
                <Input.TextArea rows={3} maxLength={3000} />
              </Form.Item>
              <Form.Item name="innovationPoints" label={tx('innovationPoints')}>
                <Input.TextArea rows={3} maxLength={3000} />
              </Form.Item>
              <Form.Item name="implemented" label={tx('implementedOn')}>
                <DatePicker />
              </Form.Item>
              <Form.Item
                label={tx('contributors')}
                required
                validateStatus={contribError ? 'error' : undefined}
                help={
                  <Typography.Text type={total === 100 && !contribError ? 'success' : 'danger'}>
                    {contribError ?? tx('sharesTotal', { n: total })}
                  </Typography.Text>
                }
              >
                <Form.List name="contributors">
                  {(fields, { add, remove }) => (
                    <Flex vertical gap={8}>
                      {fields.map((f) => (
                        <Space key={f.key} align="start" wrap>
                          <Form.Item name={[f.name, 'personId']} noStyle rules={[{ required: true }]}>
                            <RosterSelect
                              studioId={studioId}
                              style={{ width: 200 }}
                              aria-label={tx('contributor')}
                              extra={result?.contributors.map((c) => ({ value: c.personId, label: c.name }))}
                            />
                          </Form.Item>
                          <Form.Item name={[f.name, 'share']} noStyle rules={[{ required: true }]}>
                            <InputNumber
                              min={0.01}
                              max={100}
                              precision={2}
                              addonAfter="%"
                              style={{ width: 130 }}
                              aria-label={tx('share')}
                            />
                          </Form.Item>
                          <Form.Item name={[f.name, 'role']} noStyle>
                            <Select
                              options={optionsOf(contributorRoles, contributorRoleLabels, lang)}
                              style={{ width: 120 }}
                              aria-label={tx('role')}
                            />
                          </Form.Item>
                          {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(f.name)} />}
                        </Space>
                      ))}
                      <Button
                        type="dashed"
                        icon={<PlusOutlined />}
                        onClick={() => add({ role: 'participant' })}
                        style={{ width: 200 }}
                      >
                        {tx('addContributor')}
                      </Button>
                    </Flex>
                  )}
                </Form.List>
              </Form.Item>
              <Form.Item name="hasPatent" label={tx('patent')} valuePropName="checked">
                <Checkbox disabled={kind === 'patent'}>{tx('hasPatent')}</Checkbox>
              </Form.Item>
              {(hasPatent || kind === 'patent') && (
                <>
                  <Form.Item name={['patent', 'type']} label={tx('patentType')} rules={[{ required: true }]}>
                    <Select options={optionsOf(patentTypes, patentTypeLabels, lang)} style={{ width: 200 }} />
                  </Form.Item>
                  <Form.Item
                    name={['patent', 'applicationNo']}
                    label={tx('applicationNo')}
                    rules={[{ required: true }]}
                  >
                    <Input placeholder="202310123456.7" style={{ width: 220 }} />
                  </Form.Item>
                  <Form.Item name={['patent', 'filed']} label={tx('filedOn')} rules={[{ required: true }]}>
                    <DatePicker />
                  </Form.Item>
                  <Form.Item
                    name={['patent', 'status']}
                    label={tx('patentStatus')}
                    rules={[{ required: true }]}
                  >
                    <Select
                      options={optionsOf(patentStatuses, patentStatusLabels, lang)}
                      style={{ width: 200 }}
                    />
                  </Form.Item>
                  <Form.Item name={['patent', 'granted']} label={tx('grantedOn')}>
                    <DatePicker />
                  </Form.Item>
                </>
              )}
              <Form.Item label={tx('media')}>
                <Form.List name="media">
                  {(fields, { add, remove }) => (
                    <Flex vertical gap={8}>
                      {fields.map((f) => (
                        <Space key={f.key} wrap>
                          <Form.Item name={[f.name, 'title']} noStyle>
                            <Input placeholder={tx('mediaTitle')} style={{ width: 220 }} />
                          </Form.Item>
                          <Form.Item name={[f.name, 'outlet']} noStyle>
                            <Input placeholder={tx('outlet')} style={{ width: 140 }} />
                          </Form.Item>
                          <Form.Item name={[f.name, 'published']} noStyle>
                            <DatePicker />
                          </Form.Item>
                          <MinusCircleOutlined onClick={() => remove(f.name)} />
                        </Space>
                      ))}
                      <Button
                        type="dashed"
                        icon={<PlusOutlined />}
                        onClick={() => add({})}
                        style={{ width: 200 }}
                      >
                        {tx('media')}
                      </Button>
                    </Flex>
                  )}
                </Form.List>
              </Form.Item>
              <Form.Item
                name="confidential"
                label={tx('confidential')}
                valuePropName="checked"
                extra={tx('confidentialHint')}
              >
                <Checkbox />
              </Form.Item>
              <Form.Item wrapperCol={{ offset: layout.layout === 'horizontal' ? 5 : 0 }}>
                <Space>
                  <Button type="primary" htmlType="submit" loading={busy}>
                    {t('common.save')}
                  </Button>
                  <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>
                </Space>
              </Form.Item>
            </Form>
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <SimilarityPanel text={debounced.trim().length > 1 ? debounced : ''} excludeResultId={result?.id} />
        </Col>
      </Row>
    </>
  );
}
