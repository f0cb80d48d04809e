import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
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
  Result,
  Row,
  Select,
  Skeleton,
  Space,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import {
  type Project,
  type ProjectCreate,
  projectSourceLabels,
  projectSources,
} from '../../../../../common/schemas/projects';
import { api } from '../../../shared/api/client';
import { applyServerErrors } from '../../../shared/api/form-errors';
import { PageHeader } from '../../../shared/components/PageHeader';
import { useErrorToast } from '../../../shared/hooks/useApiMessage';
import { useFormLayout } from '../../../shared/hooks/useFormLayout';
import { useI18n } from '../../../shared/i18n';
import { optionsOf } from '../../../shared/labels';
import { projectKeys, toFen, toYuan, useMyStudio, useProject } from '../api';
import { RosterSelect } from '../components/RosterSelect';
import { SimilarityPanel } from '../components/SimilarityPanel';
import { StudioPicker } from '../components/StudioPicker';
import { useTexts } from '../texts';

interface FormValues {
  studioId?: number;
  title: string;
  source: ProjectCreate['source'];
  leaderPersonId?: number;
  members: { personId?: number; division?: string }[];
  goal: string;
  content?: string;
  field?: string;
  period?: [Dayjs, Dayjs];
  budgetYuan?: number;
  confidential: boolean;
  milestones: { title: string; due?: Dayjs }[];
}

/** 申请课题 (and editing a proposal): the form on the left, the live similarity check on the right. */
export default function ProjectFormPage() {
  const { id } = useParams();
  const editing = id ? Number(id) : 0;
  const { data: project, isLoading } = useProject(editing);
  if (editing && isLoading) return <Skeleton active />;
  if (editing && !project) return <Result status="404" />;
  return <ProjectForm project={project} />;
}

function ProjectForm({ project }: { project?: Project }) {
  const { lang } = useI18n();
  const tx = useTexts();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const toast = useErrorToast();
  const { message } = App.useApp();
  const layout = useFormLayout(5);
  const [form] = Form.useForm<FormValues>();
  const [busy, setBusy] = useState(false);
  const myStudio = useMyStudio();
  // A leader proposes for their own studio: prefill it and its leader.
  useEffect(() => {
    if (project || !myStudio || form.getFieldValue('studioId')) return;
    form.setFieldsValue({
      studioId: myStudio.id,
      leaderPersonId: myStudio.leaderPersonId ?? undefined,
      field: myStudio.field ?? undefined,
    });
  }, [project, myStudio, form]);
  const studioId = Form.useWatch('studioId', form) ?? project?.studioId;
  const title = Form.useWatch('title', form) ?? '';
  const goal = Form.useWatch('goal', form) ?? '';
  // The similarity check follows the title and goal as they are typed, after a pause.
  const text = `${title}\n${goal}`;
  const [debouncedText, setDebounced] = useState(text);
  useEffect(() => {
    const h = setTimeout(() => setDebounced(text), 600);
    return () => clearTimeout(h);
  }, [text]);

  const initial: Partial<FormValues> = project
    ? {
        studioId: project.studioId,
        title: project.title,
        source: project.source,
        leaderPersonId: project.leaderPersonId ?? undefined,
        members: project.members.map((m) => ({ personId: m.personId, division: m.division ?? undefined })),
        goal: project.goal,
        content: project.content ?? undefined,
        field: project.field ?? undefined,
        period: [dayjs(project.plannedStart), dayjs(project.plannedEnd)],
        budgetYuan: toYuan(project.budgetFen),
        confidential: project.confidential,
        milestones: [],
      }
    : { source: 'self', members: [], milestones: [{ title: '' }], confidential: false };

  const save = async (v: FormValues) => {
    const body = {
      title: v.title,
      source: v.source,
      leaderPersonId: v.leaderPersonId,
      members: (v.members ?? [])
        .filter((m) => m.personId)
        .map((m) => ({ personId: m.personId!, division: m.division })),
      goal: v.goal,
      content: v.content || null,
      field: v.field || null,
      plannedStart: v.period?.[0]?.format('YYYY-MM-DD'),
      plannedEnd: v.period?.[1]?.format('YYYY-MM-DD'),
      budgetFen: toFen(v.budgetYuan),
      confidential: v.confidential,
    };
    setBusy(true);
    try {
      const saved = project
        ? await api<Project>(`/api/projects/${project.id}`, {
            method: 'PATCH',
            body: { ...body, version: project.version },
          })
        : await api<Project>('/api/projects', {
            method: 'POST',
            body: {
              ...body,
              studioId: v.studioId,
              milestones: (v.milestones ?? [])
                .filter((m) => m.title && m.due)
                .map((m) => ({ title: m.title, dueOn: m.due!.format('YYYY-MM-DD') })),
            },
          });
      void qc.invalidateQueries({ queryKey: projectKeys.all });
      message.success(project ? tx('editProject') : tx('proposed', { code: saved.code }));
      navigate(`/projects/${saved.id}`, { replace: true });
    } catch (err) {
      const fields = (err as { fields?: Record<string, string> }).fields ?? {};
      if (fields.plannedStart || fields.plannedEnd)
        form.setFields([{ name: 'period', errors: [fields.plannedEnd ?? fields.plannedStart!] }]);
      if (!applyServerErrors(form, err)) toast(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader title={project ? tx('editProject') : tx('newProject')} sub={project?.code} />
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
                  disabled={!!project}
                  onPicked={(s) =>
                    s?.field && !form.getFieldValue('field') && form.setFieldValue('field', s.field)
                  }
                />
              </Form.Item>
              <Form.Item name="title" label={tx('title')} rules={[{ required: true, min: 2, max: 100 }]}>
                <Input maxLength={100} showCount />
              </Form.Item>
              <Form.Item name="source" label={tx('source')} rules={[{ required: true }]}>
                <Select options={optionsOf(projectSources, projectSourceLabels, lang)} />
              </Form.Item>
              <Form.Item name="leaderPersonId" label={tx('leader')} rules={[{ required: true }]}>
                <RosterSelect studioId={studioId} />
              </Form.Item>
              <Form.Item label={tx('members')}>
                <Form.List name="members">
                  {(fields, { add, remove }) => (
                    <Flex vertical gap={8}>
                      {fields.map((f) => (
                        <Space key={f.key} align="start" wrap>
                          <Form.Item name={[f.name, 'personId']} noStyle>
                            <RosterSelect studioId={studioId} style={{ width: 220 }} />
                          </Form.Item>
                          <Form.Item name={[f.name, 'division']} noStyle>
                            <Input placeholder={tx('division')} style={{ width: 200 }} />
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
                        {tx('members')}
                      </Button>
                    </Flex>
                  )}
                </Form.List>
              </Form.Item>
              <Form.Item name="goal" label={tx('goal')} rules={[{ required: true, min: 2 }]}>
                <Input.TextArea rows={3} maxLength={2000} showCount />
              </Form.Item>
              <Form.Item name="content" label={tx('content')}>
                <Input.TextArea rows={4} maxLength={5000} />
              </Form.Item>
              <Form.Item name="field" label={tx('field')}>
                <Input maxLength={50} style={{ width: 220 }} />
              </Form.Item>
              <Form.Item name="period" label={tx('planned')} rules={[{ required: true }]}>
                <DatePicker.RangePicker />
              </Form.Item>
              <Form.Item name="budgetYuan" label={tx('budget')}>
                <InputNumber min={0} precision={2} style={{ width: 200 }} />
              </Form.Item>
              {!project && (
                <Form.Item label={tx('milestones')}>
                  <Form.List name="milestones">
                    {(fields, { add, remove }) => (
                      <Flex vertical gap={8}>
                        {fields.map((f) => (
                          <Space key={f.key} align="start" wrap>
                            <Form.Item name={[f.name, 'title']} noStyle>
                              <Input placeholder={tx('milestone')} style={{ width: 240 }} />
                            </Form.Item>
                            <Form.Item name={[f.name, 'due']} noStyle>
                              <DatePicker placeholder={tx('dueOn')} />
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
                          {tx('addMilestone')}
                        </Button>
                      </Flex>
                    )}
                  </Form.List>
                </Form.Item>
              )}
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
                    {project ? tx('editProject') : tx('submitProposal')}
                  </Button>
                  <Button onClick={() => navigate(-1)}>{lang === 'en' ? 'Cancel' : '取消'}</Button>
                </Space>
              </Form.Item>
            </Form>
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <SimilarityPanel
            text={debouncedText.trim().length > 1 ? debouncedText : ''}
            excludeProjectId={project?.id}
          />
        </Col>
      </Row>
    </>
  );
}
