import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Empty, Flex, Result, Skeleton, Table, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import {
  educationLabels,
  genderLabels,
  honourKindLabels,
  honourLevelLabels,
  skillGradeLabels,
} from '../../../../../common/enums';
import type { Honour, Person } from '../../../../../common/schemas/people';
import { ApiError, api } from '../../../shared/api/client';
import { PageHeader } from '../../../shared/components/PageHeader';
import { formatDateTime } from '../../../shared/format';
import { useErrorToast } from '../../../shared/hooks/useApiMessage';
import { useI18n } from '../../../shared/i18n';
import { labelOf } from '../../../shared/labels';
import { PersonLifePanel } from '../../activities/components/PersonLifePanel';
import { PortfolioSection } from '../../results/components/PortfolioSection';
import { peopleKeys, usePerson } from '../api';
import { AccountBox } from '../components/AccountBox';
import { PersonFormModal } from '../components/PersonFormModal';

/** A person: basic information, honours, and for account managers the login account box. */
export default function PersonDetailPage() {
  const { id } = useParams();
  const personId = Number(id);
  const { t, l, lang } = useI18n();
  const { modal, message } = App.useApp();
  const toast = useErrorToast();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [editing, setEditing] = useState(false);
  const { data: person, isLoading, error } = usePerson(personId);

  if (isLoading) return <Skeleton active />;
  if (error instanceof ApiError && error.status === 404)
    return <Result status="404" title={t('error.404.title')} subTitle={error.message} />;
  if (error || !person)
    return <Alert type="error" showIcon title={(error as Error | null)?.message ?? t('common.loadFailed')} />;

  const saved = (p: Person) => {
    qc.setQueryData(peopleKeys.one(p.id), p);
    void qc.invalidateQueries({ queryKey: peopleKeys.all });
  };
  const a = person.abilities ?? {};
  const setArchived = (archived: boolean) =>
    modal.confirm({
      title: archived ? t('common.archive') : t('common.restore'),
      content: t(archived ? 'common.confirmArchive' : 'common.confirmRestore', { name: person.name }),
      okButtonProps: archived ? { danger: true } : undefined,
      onOk: async () => {
        try {
          saved(
            await api<Person>(`/api/people/${person.id}/${archived ? 'archive' : 'restore'}`, {
              method: 'POST',
              body: { version: person.version },
            }),
          );
          message.success(t('common.done'));
        } catch (err) {
          toast(err);
        }
      },
    });

  const dash = (v: string | number | null | undefined) =>
    v === null || v === undefined || v === '' ? '—' : v;
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
            {person.name}
            {person.archivedAt ? <Tag>{t('common.archived')}</Tag> : null}
          </Flex>
        }
        extra={
          <>
            {a.update && <Button onClick={() => setEditing(true)}>{t('common.edit')}</Button>}
            {a.archive &&
              (person.archivedAt ? (
                <Button onClick={() => setArchived(false)}>{t('common.restore')}</Button>
              ) : (
                <Button danger onClick={() => setArchived(true)}>
                  {t('common.archive')}
                </Button>
              ))}
          </>
        }
      />
      <Flex vertical gap={16}>
        <Card size="small" title={t('people.basic')}>
          <Descriptions
            bordered
            size="small"
            column={{ xs: 1, sm: 1, md: 2, lg: 3 }}
            items={[
              { key: 'no', label: t('people.employeeNo'), children: person.employeeNo },
              { key: 'name', label: t('people.name'), children: person.name },
              { key: 'org', label: t('people.org'), children: person.orgName },
              {
                key: 'gender',
                label: t('people.gender'),
                children: dash(labelOf(genderLabels, person.gender, lang)),
              },
              { key: 'birth', label: t('people.birthYear'), children: dash(person.birthYear) },
              {
                key: 'edu',
                label: t('people.education'),
                children: dash(labelOf(educationLabels, person.education, lang)),
              },
              {
                key: 'grade',
                label: t('people.skillGrade'),
                children: dash(labelOf(skillGradeLabels, person.skillGrade, lang)),
              },
              {
                key: 'title',
                label: t('people.professionalTitle'),
                children: dash(person.professionalTitle),
              },
              { key: 'trade', label: t('people.trade'), children: dash(person.trade) },
              { key: 'phone', label: t('people.phone'), children: dash(person.phone) },
              { key: 'email', label: t('people.email'), children: dash(person.email) },
              { key: 'updated', label: t('common.updatedAt'), children: formatDateTime(person.updatedAt) },
            ]}
          />
        </Card>
        <Card size="small" title={t('people.honours')}>
          {person.honours.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('people.noHonours')} />
          ) : (
            <Table<Honour>
              size="small"
              pagination={false}
              rowKey={(h) => `${h.kind}-${h.level}-${h.year}`}
              dataSource={person.honours}
              scroll={{ x: 'max-content' }}
              columns={[
                {
                  title: t('people.honourKind'),
                  dataIndex: 'kind',
                  render: (k: Honour['kind']) => l(honourKindLabels[k]),
                },
                {
                  title: t('people.honourLevel'),
                  dataIndex: 'level',
                  render: (v: Honour['level']) => l(honourLevelLabels[v]),
                },
                { title: t('people.honourYear'), dataIndex: 'year' },
                { title: t('people.honourNote'), dataIndex: 'note', render: dash },
              ]}
            />
          )}
        </Card>
        <PersonLifePanel personId={person.id} name={person.name} />
        <PortfolioSection personId={person.id} />
        {a.manageAccount && (
          <AccountBox
            person={person}
            onChanged={() => qc.invalidateQueries({ queryKey: peopleKeys.one(person.id) })}
          />
        )}
      </Flex>
      <PersonFormModal
        open={editing}
        person={person}
        onClose={() => setEditing(false)}
        onSaved={(p) => {
          setEditing(false);
          saved(p);
        }}
      />
    </>
  );
}
