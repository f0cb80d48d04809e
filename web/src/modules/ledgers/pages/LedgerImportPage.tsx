import { InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Popconfirm,
  Result,
  Segmented,
  Select,
  Space,
  Steps,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import {
  type ImportBatch,
  type ImportCheck,
  type ImportKind,
  importKinds,
  ledgerKindLabels,
} from '../../../../../common/schemas/ledgers';
import { ApiError, api } from '../../../shared/api/client';
import { PageHeader } from '../../../shared/components/PageHeader';
import { useMe } from '../../../shared/hooks/useMe';
import { useI18n } from '../../../shared/i18n';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect';
import { JobList } from '../components/JobList';

/** Beyond this many new rows the import runs as a background job with progress. */
const JOB_ROWS = 200;

/**
 * 台账导入: upload a union's own ledger → confirm which column is which (remembered for this layout) → dry run
 * with every problem by row and column → apply, all rows or none. Importing the same file again adds nothing.
 */
export default function LedgerImportPage() {
  const { l, lang } = useI18n();
  const zh = lang === 'zh';
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { data: me } = useMe();
  const [kind, setKind] = useState<ImportKind>('studios');
  const [orgId, setOrgId] = useState<number | undefined>();
  const org =
    orgId ?? me?.grants.find((g) => g.role === 'group_admin' || g.role === 'enterprise_admin')?.orgId;
  const [batch, setBatch] = useState<ImportBatch | null>(null);
  const [mapping, setMapping] = useState<ImportBatch['mapping']>({});
  const [check, setCheck] = useState<ImportCheck | null>(null);
  const [done, setDone] = useState<{ created: number; unchanged: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const step = done ? 3 : check ? 2 : batch ? 1 : 0;

  const fail = (e: unknown) => {
    const fields = e instanceof ApiError ? Object.values(e.fields) : [];
    setError([(e as Error).message, ...fields].join('：'));
  };
  const reset = () => {
    setBatch(null);
    setCheck(null);
    setDone(null);
    setError(null);
  };
  const upload = async (file: File) => {
    reset();
    const form = new FormData();
    form.append('file', file);
    setBusy(true);
    try {
      const b = await api<ImportBatch>('/api/ledgers/imports', {
        method: 'POST',
        form,
        query: { kind, orgId: org },
      });
      setBatch(b);
      setMapping(b.mapping);
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
    return false;
  };
  const dryRun = async () => {
    if (!batch) return;
    setBusy(true);
    setError(null);
    try {
      setCheck(
        await api<ImportCheck>(`/api/ledgers/imports/${batch.id}/check`, {
          method: 'POST',
          body: { mapping },
        }),
      );
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };
  const apply = async () => {
    if (!batch) return;
    setBusy(true);
    try {
      if ((check?.create ?? 0) > JOB_ROWS) {
        // A large ledger is applied in the background; its progress shows below and survives a reload.
        await api(`/api/ledgers/imports/${batch.id}/jobs`, { method: 'POST', body: {} });
        qc.invalidateQueries({ queryKey: ['jobs'] });
        message.info(
          zh ? '数据量较大，已转为后台导入，进度见下方' : 'Importing in the background; see progress below',
        );
        reset();
        return;
      }
      setDone(await api(`/api/ledgers/imports/${batch.id}/apply`, { method: 'POST', body: {} }));
      message.success(zh ? '导入完成' : 'Imported');
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader
        title={zh ? '台账导入' : 'Ledger import'}
        sub={
          zh
            ? '导入本单位已有的工作室、成员、成果台账'
            : 'Import existing ledgers of studios, members and results'
        }
      />
      <Flex vertical gap={16}>
        <Steps
          current={step}
          items={[
            { title: zh ? '上传台账' : 'Upload' },
            { title: zh ? '确认列对应' : 'Map columns' },
            { title: zh ? '试导入检查' : 'Dry run' },
            { title: zh ? '完成' : 'Done' },
          ]}
        />
        {error && <Alert type="error" showIcon title={error} closable onClose={() => setError(null)} />}
        {step === 0 && (
          <Card size="small">
            <Space direction="vertical" style={{ width: '100%' }}>
              <Space wrap>
                <Segmented
                  value={kind}
                  onChange={(v) => setKind(v as ImportKind)}
                  options={importKinds.map((k) => ({ value: k, label: l(ledgerKindLabels[k]) }))}
                />
                <OrgTreeSelect
                  value={org}
                  onChange={setOrgId}
                  allowClear={false}
                  aria-label={zh ? '导入到组织' : 'Into org'}
                />
              </Space>
              <Upload.Dragger
                accept=".xlsx"
                showUploadList={false}
                beforeUpload={upload}
                disabled={!org || busy}
              >
                <p className="ant-upload-drag-icon">
                  <InboxOutlined />
                </p>
                <p>{zh ? '点击或拖入 Excel 台账（.xlsx）' : 'Click or drop an .xlsx ledger'}</p>
                <Typography.Text type="secondary">
                  {zh
                    ? '表头可在任意行，列名可用常见叫法，支持合并单元格、空行、全角数字、“2023年5月”“2023.05”等日期和万元金额'
                    : 'Header on any row, usual column names, merged cells, blank rows, full-width digits, 万元 amounts'}
                </Typography.Text>
              </Upload.Dragger>
            </Space>
          </Card>
        )}
        {step === 1 && batch && (
          <Card
            size="small"
            title={`${batch.fileName} · ${zh ? `表头在第 ${batch.headerRow} 行` : `header on row ${batch.headerRow}`}`}
            extra={
              <Space>
                <Button onClick={reset}>{zh ? '重新上传' : 'Upload again'}</Button>
                <Button type="primary" loading={busy} onClick={dryRun}>
                  {zh ? '试导入' : 'Dry run'}
                </Button>
              </Space>
            }
          >
            {batch.remembered && (
              <Alert
                type="success"
                showIcon
                style={{ marginBottom: 12 }}
                title={
                  zh
                    ? '已按上次确认的对应关系填好（同样格式的台账）'
                    : 'Mapping remembered from the last file of this layout'
                }
              />
            )}
            <Table
              size="small"
              rowKey="key"
              pagination={false}
              dataSource={batch.fields}
              columns={[
                {
                  title: zh ? '平台字段' : 'Field',
                  key: 'label',
                  render: (_, f) => (
                    <>
                      {f.label} {f.required && <Tag color="red">{zh ? '必填' : 'required'}</Tag>}
                    </>
                  ),
                },
                {
                  title: zh ? '台账中的列' : 'Ledger column',
                  key: 'col',
                  render: (_, f) => (
                    <Select
                      allowClear
                      style={{ minWidth: 220 }}
                      aria-label={f.label}
                      value={mapping[f.key] ?? undefined}
                      placeholder={zh ? '（不导入）' : '(not imported)'}
                      onChange={(v) => setMapping({ ...mapping, [f.key]: v ?? null })}
                      options={batch.headers.map((h) => ({
                        value: h.col,
                        label: zh ? `${h.text}（第 ${h.col} 列）` : `${h.text} (column ${h.col})`,
                      }))}
                    />
                  ),
                },
              ]}
            />
          </Card>
        )}
        {step === 2 && check && (
          <Card
            size="small"
            title={
              zh
                ? `共 ${check.rows} 行：新增 ${check.create}，已存在 ${check.unchanged}，问题 ${check.errors.length} 处`
                : `${check.rows} rows`
            }
            extra={
              <Space>
                <Button onClick={() => setCheck(null)}>{zh ? '返回修改对应' : 'Back to mapping'}</Button>
                <Popconfirm
                  title={zh ? `确认导入 ${check.create} 条记录？` : 'Import now?'}
                  onConfirm={apply}
                  disabled={check.errors.length > 0}
                >
                  <Button type="primary" loading={busy} disabled={check.errors.length > 0}>
                    {zh ? '正式导入' : 'Import'}
                  </Button>
                </Popconfirm>
              </Space>
            }
          >
            {check.errors.length > 0 ? (
              <>
                <Alert
                  type="warning"
                  showIcon
                  style={{ marginBottom: 12 }}
                  title={
                    zh
                      ? '请在台账中改正以下问题后重新上传；有问题时不会导入任何记录'
                      : 'Fix these and upload again; nothing is imported while there are problems'
                  }
                />
                <Table
                  size="small"
                  rowKey={(e) => `${e.row}-${e.column}-${e.message}`}
                  dataSource={check.errors}
                  pagination={{ pageSize: 20 }}
                  columns={[
                    { title: zh ? '行' : 'Row', dataIndex: 'row', width: 70 },
                    { title: zh ? '列' : 'Column', dataIndex: 'column', width: 160 },
                    { title: zh ? '问题' : 'Problem', dataIndex: 'message' },
                  ]}
                />
              </>
            ) : (
              <Table
                size="small"
                rowKey="row"
                dataSource={check.preview}
                pagination={{ pageSize: 20 }}
                columns={[
                  { title: zh ? '行' : 'Row', dataIndex: 'row', width: 70 },
                  {
                    title: zh ? '处理' : 'Action',
                    dataIndex: 'action',
                    width: 100,
                    render: (a: string) =>
                      a === 'create' ? (
                        <Tag color="green">{zh ? '新增' : 'create'}</Tag>
                      ) : (
                        <Tag>{zh ? '已存在' : 'exists'}</Tag>
                      ),
                  },
                  { title: zh ? '记录' : 'Record', dataIndex: 'summary' },
                ]}
              />
            )}
          </Card>
        )}
        {step === 3 && done && (
          <Result
            status="success"
            title={
              zh
                ? `导入完成：新增 ${done.created} 条，已存在 ${done.unchanged} 条`
                : `Created ${done.created}, already there ${done.unchanged}`
            }
            extra={<Button onClick={reset}>{zh ? '继续导入' : 'Import another'}</Button>}
          />
        )}
        <JobList kind="ledger.import" title={zh ? '后台导入任务' : 'Background imports'} />
      </Flex>
    </>
  );
}
