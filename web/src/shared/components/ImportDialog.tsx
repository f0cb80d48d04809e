import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Space, Steps, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { ImportReport } from '../../../../common/schemas/audit';
import { ApiError, api, download } from '../api/client';
import { useI18n } from '../i18n';

export interface ImportDialogProps {
  open: boolean;
  onClose: () => void;
  /** What is imported, shown in the title: “组织”. */
  what: string;
  /** POST endpoint taking the file as multipart and `?dryRun=true|false`, answering an ImportReport. */
  endpoint: string;
  /** GET endpoint of the Excel template, and the name to save it under. */
  templateUrl: string;
  templateName: string;
  /** Called after a successful apply (refresh lists here). */
  onImported?: (report: ImportReport) => void;
}

type RowError = ImportReport['errors'][number];

/**
 * Excel import in two steps: upload → dry run report (every bad row with row, column, reason) →
 * apply, offered only when the dry run found no error. The server imports all rows or none.
 */
export function ImportDialog({
  open,
  onClose,
  what,
  endpoint,
  templateUrl,
  templateName,
  onImported,
}: ImportDialogProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [result, setResult] = useState<ImportReport | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const reset = () => {
    setFile(null);
    setReport(null);
    setResult(null);
    setError(null);
  };
  const close = () => {
    reset();
    onClose();
  };

  const send = async (dryRun: boolean) => {
    if (!file) return message.warning(t('import.fileRequired'));
    const form = new FormData();
    form.append('file', file);
    setBusy(true);
    setError(null);
    try {
      const r = await api<ImportReport>(endpoint, { method: 'POST', query: { dryRun }, form });
      if (dryRun) setReport(r);
      else {
        setResult(r);
        onImported?.(r);
      }
    } catch (err) {
      const e = err instanceof ApiError ? err : null;
      // imports.has_errors carries the report of the refused apply
      const refused = e?.details?.report as ImportReport | undefined;
      if (refused && Array.isArray(refused.errors)) setReport(refused);
      setError(e?.message ?? t('error.unknown'));
    } finally {
      setBusy(false);
    }
  };

  const step = result ? 2 : report ? 1 : 0;
  const canApply = report !== null && report.errors.length === 0 && report.valid > 0 && !result;

  return (
    <Modal
      open={open}
      title={t('import.title', { what })}
      onCancel={close}
      width={720}
      destroyOnHidden
      footer={
        <Space wrap>
          {result ? (
            <Button type="primary" onClick={close}>
              {t('common.ok')}
            </Button>
          ) : (
            <>
              <Button onClick={close}>{t('common.cancel')}</Button>
              {report && <Button onClick={reset}>{t('import.again')}</Button>}
              {!report && (
                <Button type="primary" disabled={!file} loading={busy} onClick={() => send(true)}>
                  {t('import.dryRun')}
                </Button>
              )}
              {canApply && (
                <Button type="primary" loading={busy} onClick={() => send(false)} data-testid="import-apply">
                  {t('import.apply')}
                </Button>
              )}
            </>
          )}
        </Space>
      }
    >
      <Steps
        size="small"
        current={step}
        style={{ marginBottom: 16 }}
        items={[
          { title: t('import.step.upload') },
          { title: t('import.step.check') },
          { title: t('import.step.done') },
        ]}
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {step === 0 && (
        <>
          <Upload.Dragger
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f);
              setError(null);
              return false;
            }}
            onRemove={() => setFile(null)}
            fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('import.pick')}</p>
          </Upload.Dragger>
          <Button
            type="link"
            icon={<DownloadOutlined />}
            style={{ paddingInline: 0, marginTop: 8 }}
            onClick={() => download(templateUrl, templateName).catch((e: Error) => message.error(e.message))}
          >
            {t('import.template')}
          </Button>
        </>
      )}
      {step === 1 && report && (
        <>
          <Typography.Paragraph>
            {t('import.summary', { total: report.total, valid: report.valid, errors: report.errors.length })}
          </Typography.Paragraph>
          {report.errors.length === 0 ? (
            <Alert type="success" showIcon title={t('import.noErrors')} />
          ) : (
            <>
              <Alert type="warning" showIcon title={t('import.hasErrors')} style={{ marginBottom: 12 }} />
              <Table<RowError>
                size="small"
                rowKey={(r) => `${r.row}:${r.column ?? ''}:${r.message}`}
                dataSource={report.errors}
                pagination={{ pageSize: 8, showSizeChanger: false, hideOnSinglePage: true }}
                columns={[
                  { title: t('import.row'), dataIndex: 'row', width: 80 },
                  {
                    title: t('import.column'),
                    dataIndex: 'column',
                    width: 120,
                    render: (c?: string) => c ?? '—',
                  },
                  { title: t('import.message'), dataIndex: 'message' },
                ]}
              />
            </>
          )}
        </>
      )}
      {step === 2 && result && (
        <Alert
          type="success"
          showIcon
          title={t('import.result', { created: result.created, updated: result.updated })}
        />
      )}
    </Modal>
  );
}
