import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Checkbox, Form, Input, Select, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import {
  genderLabels,
  type HonourKind,
  honourKindLabels,
  honourKinds,
  type SkillGrade,
  skillGradeLabels,
  skillGrades,
} from '../../../../../common/enums';
import type { Person } from '../../../../../common/schemas/people';
import type { Page } from '../../../../../common/schemas/shared';
import { api } from '../../../shared/api/client';
import { ImportDialog } from '../../../shared/components/ImportDialog';
import { ListPage } from '../../../shared/components/ListPage';
import { PageHeader } from '../../../shared/components/PageHeader';
import { usePermission } from '../../../shared/hooks/usePermission';
import { useI18n } from '../../../shared/i18n';
import { labelOf, optionsOf } from '../../../shared/labels';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect';
import { peopleKeys } from '../api';
import { HonourTags } from '../components/HonourTags';
import { PersonFormModal } from '../components/PersonFormModal';

interface PeopleFilters extends Record<string, unknown> {
  q?: string;
  orgId?: number;
  skillGrade?: SkillGrade;
  honourKind?: HonourKind;
  trade?: string;
  includeArchived?: boolean;
}

/** 人员管理: search by name or 工号, filters, paginated table; a row opens the person. */
export default function PeopleListPage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const canWrite = usePermission('people.write');
  const canImport = usePermission('people.import');
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);

  const columns: ColumnsType<Person> = [
    { key: 'employeeNo', title: t('people.employeeNo'), dataIndex: 'employeeNo', width: 110 },
    {
      key: 'name',
      title: t('people.name'),
      dataIndex: 'name',
      width: 100,
      render: (name: string, p) => (
        <>
          <a>{name}</a>
          {p.archivedAt && <Tag style={{ marginInlineStart: 6 }}>{t('common.archived')}</Tag>}
        </>
      ),
    },
    { key: 'org', title: t('people.org'), dataIndex: 'orgName', ellipsis: true, width: 200 },
    {
      key: 'gender',
      title: t('people.gender'),
      dataIndex: 'gender',
      width: 70,
      render: (g) => labelOf(genderLabels, g, lang),
    },
    {
      key: 'skillGrade',
      title: t('people.skillGrade'),
      dataIndex: 'skillGrade',
      width: 100,
      render: (g) => labelOf(skillGradeLabels, g, lang),
    },
    { key: 'title', title: t('people.professionalTitle'), dataIndex: 'professionalTitle', width: 110 },
    { key: 'trade', title: t('people.trade'), dataIndex: 'trade', width: 100 },
    {
      key: 'honours',
      title: t('people.honours'),
      dataIndex: 'honours',
      render: (h: Person['honours']) => <HonourTags honours={h} max={2} />,
    },
    { key: 'username', title: t('people.account'), dataIndex: 'username', width: 110 },
  ];

  return (
    <>
      <PageHeader title={t('people.title')} />
      <ListPage<Person, PeopleFilters>
        queryKey={peopleKeys.all}
        fetchPage={(query) => api<Page<Person>>('/api/people', { query })}
        rowKey="id"
        columns={columns}
        settingsKey="people"
        phoneColumns={['employeeNo', 'name', 'org']}
        onRowClick={(p) => navigate(`/people/${p.id}`)}
        fromQuery={(q) => ({
          ...q,
          orgId: q.orgId ? Number(q.orgId) : undefined,
          includeArchived: q.includeArchived === 'true',
        })}
        toQuery={(v) => ({ ...v, includeArchived: v.includeArchived || undefined })}
        filters={
          <>
            <Form.Item name="q">
              <Input allowClear placeholder={t('people.searchPlaceholder')} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="orgId">
              <OrgTreeSelect placeholder={t('people.org')} style={{ width: 180 }} />
            </Form.Item>
            <Form.Item name="skillGrade">
              <Select
                allowClear
                placeholder={t('people.skillGrade')}
                options={optionsOf(skillGrades, skillGradeLabels, lang)}
                style={{ width: 120 }}
              />
            </Form.Item>
            <Form.Item name="honourKind">
              <Select
                allowClear
                placeholder={t('people.honourKind')}
                options={optionsOf(honourKinds, honourKindLabels, lang)}
                style={{ width: 140 }}
              />
            </Form.Item>
            <Form.Item name="trade">
              <Input allowClear placeholder={t('people.trade')} style={{ width: 100 }} />
            </Form.Item>
            <Form.Item name="includeArchived" valuePropName="checked">
              <Checkbox>{t('common.includeArchived')}</Checkbox>
            </Form.Item>
          </>
        }
        extra={
          <>
            {canImport && (
              <Button icon={<ImportOutlined />} onClick={() => setImporting(true)}>
                {t('common.import')}
              </Button>
            )}
            {canWrite && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('common.create')}
              </Button>
            )}
          </>
        }
      />
      <PersonFormModal
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(p) => {
          setCreating(false);
          void qc.invalidateQueries({ queryKey: peopleKeys.all });
          navigate(`/people/${p.id}`);
        }}
      />
      <ImportDialog
        open={importing}
        onClose={() => setImporting(false)}
        what={t('people.importWhat')}
        endpoint="/api/people/import"
        templateUrl="/api/people/import/template"
        templateName={lang === 'zh' ? '人员导入模板.xlsx' : 'people-import-template.xlsx'}
        onImported={() => qc.invalidateQueries({ queryKey: peopleKeys.all })}
      />
    </>
  );
}
