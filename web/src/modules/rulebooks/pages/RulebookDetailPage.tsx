import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Flex, List, Result, Skeleton, Tag } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { namingLevelLabels } from '../../../../../common/enums';
import { type Rulebook, rulebookPurposeLabels } from '../../../../../common/schemas/rulebooks';
import { ApiError, api } from '../../../shared/api/client';
import { PageHeader } from '../../../shared/components/PageHeader';
import { formatDateTime } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { RulebookView } from '../components/RulebookView';
import { useRulebookTexts } from '../texts';

/** One rulebook version with its family's version history; the current one can be revised into a new version. */
export default function RulebookDetailPage() {
  const id = Number(useParams().id);
  const { l, t } = useI18n();
  const rx = useRulebookTexts();
  const navigate = useNavigate();
  const {
    data: rb,
    isLoading,
    error,
  } = useQuery({ queryKey: ['rulebooks', id], queryFn: () => api<Rulebook>(`/api/rulebooks/${id}`) });
  const versions = useQuery({
    queryKey: ['rulebooks', 'versions', rb?.purpose, rb?.level],
    queryFn: () =>
      api<Rulebook[]>('/api/rulebooks', {
        query: { purpose: rb!.purpose, level: rb!.level ?? undefined, allVersions: 'true' },
      }),
    enabled: !!rb,
  });
  if (isLoading) return <Skeleton active />;
  if (error instanceof ApiError && error.status === 404)
    return <Result status="404" title={t('error.404.title')} subTitle={error.message} />;
  if (error || !rb)
    return <Alert type="error" showIcon title={(error as Error | null)?.message ?? t('common.loadFailed')} />;
  const family = (versions.data ?? []).filter((v) => (v.level ?? null) === (rb.level ?? null));
  return (
    <>
      <PageHeader
        title={
          <Flex align="center" gap={8} wrap>
            <Button
              type="text"
              icon={<ArrowLeftOutlined />}
              onClick={() => navigate('/rulebooks')}
              aria-label={t('common.back')}
            />
            {rb.name}
            <Tag color={rb.current ? 'green' : 'default'}>
              V{rb.versionNo} · {rb.current ? rx('current') : rx('old')}
            </Tag>
          </Flex>
        }
        extra={
          rb.abilities?.createVersion && (
            <Button
              type="primary"
              icon={<EditOutlined />}
              onClick={() => navigate(`/rulebooks/${rb.id}/edit`)}
            >
              {rx('newVersion')}
            </Button>
          )
        }
      />
      <Flex gap={16} wrap align="flex-start">
        <Flex vertical gap={16} style={{ flex: '3 1 560px', minWidth: 0 }}>
          <Card size="small">
            <Descriptions
              size="small"
              column={{ xs: 1, md: 3 }}
              items={[
                { key: 'p', label: rx('purpose'), children: l(rulebookPurposeLabels[rb.purpose]) },
                {
                  key: 'l',
                  label: rx('level'),
                  children: rb.level ? l(namingLevelLabels[rb.level]) : rx('allLevels'),
                },
                {
                  key: 'c',
                  label: rx('createdAt'),
                  children: `${formatDateTime(rb.createdAt)} ${rb.createdByName ?? ''}`,
                },
                { key: 'n', label: rx('note'), children: rb.note ?? '—', span: 3 },
              ]}
            />
          </Card>
          <RulebookView rulebook={rb} />
        </Flex>
        <Card size="small" title={rx('versions')} style={{ flex: '1 1 260px' }}>
          <List<Rulebook>
            loading={versions.isLoading}
            dataSource={family}
            renderItem={(v) => (
              <List.Item
                style={{
                  cursor: 'pointer',
                  background: v.id === rb.id ? 'rgba(22,119,255,0.06)' : undefined,
                }}
                onClick={() => navigate(`/rulebooks/${v.id}`)}
              >
                <List.Item.Meta
                  title={
                    <>
                      V{v.versionNo} {v.current && <Tag color="green">{rx('current')}</Tag>}
                    </>
                  }
                  description={`${formatDateTime(v.createdAt)} ${v.createdByName ?? ''}${v.note ? ` · ${v.note}` : ''}`}
                />
              </List.Item>
            )}
          />
        </Card>
      </Flex>
    </>
  );
}
