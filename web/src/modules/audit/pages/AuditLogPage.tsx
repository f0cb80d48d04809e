import { DatePicker, Form, Input, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import type { AuditEntry } from '../../../../../common/schemas/audit';
import type { Page } from '../../../../../common/schemas/shared';
import { api } from '../../../shared/api/client';
import { ListPage } from '../../../shared/components/ListPage';
import { PageHeader } from '../../../shared/components/PageHeader';
import { formatDateTime } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { AuditChanges } from '../components/AuditChanges';

interface AuditFilters extends Record<string, unknown> {
  q?: string;
  entityType?: string;
  action?: string;
  range?: [Dayjs, Dayjs] | null;
}

/** 操作日志: who changed what and when, with before/after of each change. */
export default function AuditLogPage() {
  const { t } = useI18n();
  const columns: ColumnsType<AuditEntry> = [
    {
      key: 'at',
      title: t('audit.at'),
      dataIndex: 'at',
      width: 150,
      render: (v: string) => formatDateTime(v),
    },
    {
      key: 'actor',
      title: t('audit.actor'),
      dataIndex: 'actorName',
      width: 120,
      render: (v: string | null) => v ?? t('audit.system'),
    },
    {
      key: 'action',
      title: t('audit.action'),
      dataIndex: 'action',
      width: 180,
      render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
    },
    { key: 'entityType', title: t('audit.entityType'), dataIndex: 'entityType', width: 120 },
    { key: 'entityId', title: t('audit.entityId'), dataIndex: 'entityId', width: 100 },
  ];
  return (
    <>
      <PageHeader title={t('audit.title')} />
      <ListPage<AuditEntry, AuditFilters>
        queryKey={['audit']}
        fetchPage={(query) => api<Page<AuditEntry>>('/api/audit', { query })}
        rowKey="id"
        columns={columns}
        settingsKey="audit"
        phoneColumns={['at', 'actor', 'action']}
        table={{ expandable: { expandedRowRender: (e) => <AuditChanges entry={e} /> } }}
        fromQuery={({ from, to, ...rest }) => ({
          ...rest,
          range: from && to ? [dayjs(from), dayjs(to)] : undefined,
        })}
        toQuery={({ range, ...rest }) => ({
          ...(rest as Record<string, string | undefined>),
          from: range?.[0]?.format('YYYY-MM-DD'),
          to: range?.[1]?.format('YYYY-MM-DD'),
        })}
        filters={
          <>
            <Form.Item name="q">
              <Input allowClear placeholder={t('audit.text')} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="entityType">
              <Input allowClear placeholder={t('audit.entityType')} style={{ width: 130 }} />
            </Form.Item>
            <Form.Item name="action">
              <Input allowClear placeholder={t('audit.action')} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="range">
              <DatePicker.RangePicker format="YYYY-MM-DD" style={{ width: 250 }} />
            </Form.Item>
          </>
        }
      />
    </>
  );
}
