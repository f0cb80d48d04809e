import { CheckCircleFilled } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  List,
  Row,
  Space,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { useParams } from 'react-router';
import { type ClinicQuestionDetail, clinicStatusLabels } from '../../../../../common/schemas/clinic';
import { api } from '../../../shared/api/client';
import { applyServerErrors } from '../../../shared/api/form-errors';
import { PageHeader } from '../../../shared/components/PageHeader';
import { formatDateTime } from '../../../shared/format';
import { useErrorToast } from '../../../shared/hooks/useApiMessage';
import { usePermission } from '../../../shared/hooks/usePermission';
import { useI18n } from '../../../shared/i18n';
import { Attachments } from '../../studios/components/Attachments';
import { useTexts } from '../texts';
import { statusColor } from './ClinicPage';

/** A clinic question with its routed studios and answers; the asker accepts one, studio members answer. */
export default function ClinicDetailPage() {
  const id = Number(useParams().id);
  const { l } = useI18n();
  const tx = useTexts();
  const qc = useQueryClient();
  const toast = useErrorToast();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ content: string }>();
  const canAnswer = usePermission('studios.contribute');
  const key = ['clinic', id];
  const {
    data: q,
    isLoading,
    error,
  } = useQuery({ queryKey: key, queryFn: () => api<ClinicQuestionDetail>(`/api/clinic/questions/${id}`) });
  if (isLoading) return <Spin />;
  if (error || !q) return <Alert type="error" showIcon title={(error as Error)?.message} />;
  const post = async (path: string, body: object) => {
    try {
      qc.setQueryData(
        key,
        await api<ClinicQuestionDetail>(`/api/clinic/questions/${id}/${path}`, { method: 'POST', body }),
      );
      void qc.invalidateQueries({ queryKey: ['clinic'], exact: true });
      message.success('OK');
      return true;
    } catch (err) {
      if (!applyServerErrors(form, err)) toast(err);
      return false;
    }
  };
  return (
    <>
      <PageHeader
        title={q.title}
        sub={
          <Space>
            <Tag color={statusColor[q.status]}>{l(clinicStatusLabels[q.status])}</Tag>
            <Tag>{q.field}</Tag>
            <Typography.Text type="secondary">{q.code}</Typography.Text>
          </Space>
        }
        extra={
          q.abilities.close && (
            <Button onClick={() => post('close', { version: q.version })}>{tx('close')}</Button>
          )
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card size="small">
              <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
                <Descriptions.Item label={tx('asker')}>
                  {q.askerName} · {q.orgName}
                </Descriptions.Item>
                <Descriptions.Item label={tx('createdAt')}>{formatDateTime(q.createdAt)}</Descriptions.Item>
                <Descriptions.Item label={tx('routed')} span={2}>
                  {q.routedStudios.length ? (
                    <Flex wrap gap={4}>
                      {q.routedStudios.map((s) => (
                        <Tag key={s.id} color="blue">
                          {s.name}
                        </Tag>
                      ))}
                    </Flex>
                  ) : (
                    <Typography.Text type="secondary">{tx('noRoute')}</Typography.Text>
                  )}
                </Descriptions.Item>
              </Descriptions>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 12, marginBottom: 0 }}>
                {q.content}
              </Typography.Paragraph>
            </Card>
            <Card size="small" title={`${tx('answers')}（${q.answers.length}）`}>
              {q.answers.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={tx('noAnswers')} />
              ) : (
                <List
                  dataSource={q.answers}
                  renderItem={(a) => (
                    <List.Item
                      actions={
                        q.abilities.accept
                          ? [
                              <Button
                                key="a"
                                size="small"
                                type="primary"
                                ghost
                                onClick={() => post('accept', { answerId: a.id, version: q.version })}
                              >
                                {tx('accept')}
                              </Button>,
                            ]
                          : []
                      }
                    >
                      <List.Item.Meta
                        title={
                          <Space wrap>
                            {a.authorName}
                            {a.studioName && (
                              <Typography.Text type="secondary">{a.studioName}</Typography.Text>
                            )}
                            {a.accepted && (
                              <Tag color="green" icon={<CheckCircleFilled />}>
                                {tx('accepted')}
                              </Tag>
                            )}
                          </Space>
                        }
                        description={
                          <>
                            <Typography.Paragraph
                              style={{ whiteSpace: 'pre-wrap', marginBottom: 4, color: 'inherit' }}
                            >
                              {a.content}
                            </Typography.Paragraph>
                            <Typography.Text type="secondary">{formatDateTime(a.createdAt)}</Typography.Text>
                          </>
                        }
                      />
                    </List.Item>
                  )}
                />
              )}
            </Card>
            {q.status === 'open' && canAnswer && (
              <Card size="small" title={tx('yourAnswer')}>
                <Form
                  form={form}
                  layout="vertical"
                  onFinish={async (v) => {
                    if (await post('answers', v)) form.resetFields();
                  }}
                >
                  <Form.Item name="content" rules={[{ required: true, min: 5, max: 5000 }]}>
                    <Input.TextArea rows={4} placeholder={tx('answerPh')} maxLength={5000} showCount />
                  </Form.Item>
                  <Button type="primary" htmlType="submit">
                    {tx('submitAnswer')}
                  </Button>
                </Form>
              </Card>
            )}
          </Space>
        </Col>
        <Col xs={24} lg={8}>
          <Attachments
            ownerType="clinic"
            ownerId={q.id}
            canUpload={q.abilities.accept === true || q.abilities.close === true}
          />
        </Col>
      </Row>
    </>
  );
}
