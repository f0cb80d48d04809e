import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Result, Skeleton, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { Studio } from '../../../../../common/schemas/studios';
import { ApiError, api } from '../../../shared/api/client';
import { PageHeader } from '../../../shared/components/PageHeader';
import { useErrorToast } from '../../../shared/hooks/useApiMessage';
import { usePermission } from '../../../shared/hooks/usePermission';
import { useI18n } from '../../../shared/i18n';
import { ProposeChangeModal, StudioChangesTab } from '../../assessments/components/StudioChanges';
import { useTexts as useChangeTexts } from '../../assessments/texts';
import { studioKeys, useStudio } from '../api';
import { Attachments } from '../components/Attachments';
import { BasicInfo } from '../components/BasicInfo';
import { HealthPanel } from '../components/HealthPanel';
import { LeaderChangeModal } from '../components/LeaderChangeModal';
import { MembersTab } from '../components/MembersTab';
import { NamingsTab } from '../components/NamingsTab';
import { HealthTag, LevelTag, StatusTag } from '../components/StudioTags';
import { useTexts } from '../texts';

const tabKeys = ['basic', 'members', 'namings', 'files', 'health', 'changes'] as const;

/** A studio: header with its actions, and tabs for profile, roster, namings, attachments and health. */
export default function StudioDetailPage() {
  const { id } = useParams();
  const studioId = Number(id);
  const { t } = useI18n();
  const tx = useTexts();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { modal, message } = App.useApp();
  const toast = useErrorToast();
  const [params, setParams] = useSearchParams();
  const [changingLeader, setChangingLeader] = useState(false);
  const [proposing, setProposing] = useState<'revocation' | 'merge' | null>(null);
  const canPropose = usePermission('studioChanges.propose');
  const cx = useChangeTexts();
  const { data: studio, isLoading, error } = useStudio(studioId);

  if (isLoading) return <Skeleton active />;
  if (error instanceof ApiError && error.status === 404)
    return <Result status="404" title={t('error.404.title')} subTitle={error.message} />;
  if (error || !studio)
    return <Alert type="error" showIcon title={(error as Error | null)?.message ?? t('common.loadFailed')} />;

  const a = studio.abilities;
  const tab = tabKeys.find((k) => k === params.get('tab')) ?? 'basic';
  const refresh = (s?: Studio) => {
    if (s) qc.setQueryData(studioKeys.one(s.id), s);
    void qc.invalidateQueries({ queryKey: studioKeys.all });
  };
  const setArchived = (archived: boolean) =>
    modal.confirm({
      title: archived ? t('common.archive') : t('common.restore'),
      content: archived
        ? tx('confirmArchive', { name: studio.name })
        : t('common.confirmRestore', { name: studio.name }),
      okButtonProps: archived ? { danger: true } : undefined,
      onOk: async () => {
        try {
          refresh(
            await api<Studio>(`/api/studios/${studio.id}/${archived ? 'archive' : 'restore'}`, {
              method: 'POST',
              body: { version: studio.version },
            }),
          );
          message.success(t('common.done'));
        } catch (err) {
          toast(err);
          refresh();
        }
      },
    });

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
            {studio.name}
            <StatusTag status={studio.status} />
            <LevelTag level={studio.currentLevel} />
            {studio.health.status !== 'active' && <HealthTag status={studio.health.status} />}
            {studio.archivedAt && <Tag>{t('common.archived')}</Tag>}
            {studio.mergedIntoId && (
              <Link to={`/studios/${studio.mergedIntoId}`}>
                <Tag color="purple">{cx('mergedInto')} →</Tag>
              </Link>
            )}
          </Flex>
        }
        sub={
          <Typography.Text type="secondary">
            {tx('code')} {studio.code} · {studio.enterpriseName ?? studio.hostOrgName}
          </Typography.Text>
        }
        extra={
          <>
            {a.update && (
              <Button onClick={() => navigate(`/studios/${studio.id}/edit`)}>{t('common.edit')}</Button>
            )}
            {a.changeLeader && <Button onClick={() => setChangingLeader(true)}>{tx('leaderChange')}</Button>}
            {a.archive && (
              <Button danger onClick={() => setArchived(true)}>
                {t('common.archive')}
              </Button>
            )}
            {a.restore && <Button onClick={() => setArchived(false)}>{t('common.restore')}</Button>}
            {canPropose && a.changeLeader && (
              <>
                <Button onClick={() => setProposing('merge')}>{cx('proposeMerge')}</Button>
                <Button danger onClick={() => setProposing('revocation')}>
                  {cx('proposeRevocation')}
                </Button>
              </>
            )}
          </>
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === 'basic' ? {} : { tab: k }, { replace: true })}
        items={[
          { key: 'basic', label: tx('tabBasic'), children: <BasicInfo studio={studio} /> },
          {
            key: 'members',
            label: `${tx('tabMembers')} ${studio.memberCount}`,
            children: (
              <MembersTab
                studio={studio}
                onChanged={() => refresh()}
                onChangeLeader={() => setChangingLeader(true)}
              />
            ),
          },
          {
            key: 'namings',
            label: tx('tabNamings'),
            children: <NamingsTab studio={studio} onChanged={() => refresh()} />,
          },
          {
            key: 'files',
            label: tx('tabFiles'),
            children: <Attachments ownerType="studio" ownerId={studio.id} canUpload={a.upload ?? false} />,
          },
          { key: 'health', label: tx('tabHealth'), children: <HealthPanel health={studio.health} /> },
          {
            key: 'changes',
            label: cx('changes'),
            children: <StudioChangesTab studioId={studio.id} onChanged={() => refresh()} />,
          },
        ]}
      />
      <ProposeChangeModal
        studioId={studio.id}
        kind={proposing}
        onClose={() => {
          setProposing(null);
          setParams({ tab: 'changes' }, { replace: true });
        }}
      />
      <LeaderChangeModal
        studio={studio}
        open={changingLeader}
        onClose={() => setChangingLeader(false)}
        onDone={(s) => {
          setChangingLeader(false);
          refresh(s);
          void qc.invalidateQueries({ queryKey: ['studios', studio.id, 'members'] });
        }}
      />
    </>
  );
}
