import { Alert, Button, Card, Col, Descriptions, Flex, Row, Space, Spin, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ideaCategoryLabels } from '../../../../../common/schemas/ideas';
import { type IdeaAction, ideaActionLabels } from '../../../../../common/workflows/idea';
import { PageHeader } from '../../../shared/components/PageHeader';
import { formatDate, formatDateTime, formatMoney } from '../../../shared/format';
import { useMe } from '../../../shared/hooks/useMe';
import { useI18n } from '../../../shared/i18n';
import { Attachments } from '../../studios/components/Attachments';
import { useIdea } from '../api';
import { IdeaActionModal } from '../components/IdeaActionModal';
import { BenefitModal, ToProjectModal } from '../components/IdeaExtrasModals';
import { IdeaStatusTag } from '../components/IdeaStatusTag';
import { StepsTimeline } from '../components/IdeaSteps';
import { SimilarIdeas } from '../components/SimilarIdeas';
import { useTexts } from '../texts';

const primary: IdeaAction[] = ['adopt', 'implement'];

/** An idea: what it says, where it stands, the written answer and history; the handler's actions on the right. */
export default function IdeaDetailPage() {
  const id = Number(useParams().id);
  const { l } = useI18n();
  const tx = useTexts();
  const { data: me } = useMe();
  const { data: idea, isLoading, error } = useIdea(id);
  const [action, setAction] = useState<IdeaAction | null>(null);
  const [target, setTarget] = useState<number | undefined>();
  const [modal, setModal] = useState<'benefit' | 'project' | null>(null);
  if (isLoading) return <Spin />;
  if (error || !idea) return <Alert type="error" showIcon title={(error as Error)?.message} />;
  const daysLeft = idea.deadlineAt ? dayjs(idea.deadlineAt).diff(dayjs(), 'day') : null;
  const mergeActions = idea.actions.includes('merge');

  return (
    <>
      <PageHeader
        title={
          <span>
            <Typography.Text type="secondary">{idea.code}</Typography.Text> {idea.title}
          </span>
        }
        sub={<IdeaStatusTag status={idea.status} overdue={idea.overdue} />}
        extra={
          <>
            {idea.actions
              .filter((a) => a !== 'merge')
              .map((a) => (
                <Button
                  key={a}
                  type={primary.includes(a) ? 'primary' : 'default'}
                  danger={a === 'reject'}
                  onClick={() => setAction(a)}
                >
                  {l(ideaActionLabels[a])}
                </Button>
              ))}
            {idea.abilities.recordBenefit && (
              <Button onClick={() => setModal('benefit')}>{tx('recordBenefit')}</Button>
            )}
            {idea.abilities.toProject && !idea.projectId && !idea.projectRequestId && (
              <Button onClick={() => setModal('project')}>{tx('toProject')}</Button>
            )}
          </>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card size="small">
              <Descriptions column={{ xs: 1, sm: 2 }} size="small">
                <Descriptions.Item label={tx('category')}>
                  {l(ideaCategoryLabels[idea.category])}
                </Descriptions.Item>
                <Descriptions.Item label={tx('submitter')}>
                  {idea.anonymous ? tx('anonymous') : idea.submitterName}
                </Descriptions.Item>
                <Descriptions.Item label={tx('org')}>{idea.orgName}</Descriptions.Item>
                <Descriptions.Item label={tx('handler')}>{idea.handlerName ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={tx('createdAt')}>
                  {formatDateTime(idea.createdAt)}
                </Descriptions.Item>
                <Descriptions.Item label={tx('deadline')}>
                  {formatDate(idea.deadlineAt)}{' '}
                  {idea.overdue ? (
                    <Tag color="red">{tx('overdue')}</Tag>
                  ) : (
                    daysLeft !== null &&
                    !idea.answeredAt && <Tag>{tx('daysLeft', { n: Math.max(daysLeft, 0) })}</Tag>
                  )}
                </Descriptions.Item>
                {idea.credits.length > 0 && (
                  <Descriptions.Item label={tx('credits')} span={2}>
                    <Flex wrap gap={4}>
                      {idea.credits.map((c) => (
                        <Tag key={c.personId}>
                          {c.name}
                          {c.kind === 'merged' ? `（${tx('creditMerged')}）` : ''}
                        </Tag>
                      ))}
                    </Flex>
                  </Descriptions.Item>
                )}
                {idea.benefitFen !== null && (
                  <Descriptions.Item label={tx('benefit')} span={2}>
                    {formatMoney(idea.benefitFen, { fen: true })} {idea.benefitNote}
                  </Descriptions.Item>
                )}
                {(idea.projectId || idea.projectRequestId) && (
                  <Descriptions.Item label={tx('toProject')} span={2}>
                    {idea.projectId ? (
                      <Link to={`/projects/${idea.projectId}`}>
                        {tx('projectLinked', { id: idea.projectId })}
                      </Link>
                    ) : (
                      tx('projectPending')
                    )}
                  </Descriptions.Item>
                )}
                {idea.mergedIntoId && (
                  <Descriptions.Item label={tx('status')} span={2}>
                    <Link to={`/ideas/${idea.mergedIntoId}`}>
                      {tx('mergedInto', { code: idea.mergedIntoCode ?? '' })}
                    </Link>
                  </Descriptions.Item>
                )}
              </Descriptions>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 12, marginBottom: 0 }}>
                {idea.content}
              </Typography.Paragraph>
            </Card>
            <Card size="small" title={tx('answer')}>
              {idea.answer ? (
                <>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
                    {idea.answer}
                  </Typography.Paragraph>
                  <Typography.Text type="secondary">
                    {tx('answeredAt')}：{formatDateTime(idea.answeredAt)}
                  </Typography.Text>
                </>
              ) : (
                <Typography.Text type="secondary">{tx('noAnswer')}</Typography.Text>
              )}
            </Card>
            {idea.similar.length > 0 && (
              <SimilarIdeas
                items={idea.similar}
                title={tx('similarForHandler')}
                action={
                  mergeActions
                    ? (s) => (
                        <Button
                          size="small"
                          onClick={() => {
                            setTarget(s.id);
                            setAction('merge');
                          }}
                        >
                          {tx('mergeInto')}
                        </Button>
                      )
                    : undefined
                }
              />
            )}
          </Space>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title={tx('steps')}>
            <StepsTimeline steps={idea.steps} />
          </Card>
        </Col>
        <Col xs={24} lg={16}>
          <Attachments
            ownerType="idea"
            ownerId={idea.id}
            canUpload={
              idea.abilities.handle === true || idea.credits.some((c) => c.personId === me?.personId)
            }
          />
        </Col>
      </Row>
      <IdeaActionModal idea={idea} action={action} targetId={target} onClose={() => setAction(null)} />
      <BenefitModal idea={idea} open={modal === 'benefit'} onClose={() => setModal(null)} />
      <ToProjectModal idea={idea} open={modal === 'project'} onClose={() => setModal(null)} />
    </>
  );
}
