import { ExportOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { download } from '../../../shared/api/client';
import { formatDate } from '../../../shared/format';
import { useErrorToast } from '../../../shared/hooks/useApiMessage';
import { useI18n } from '../../../shared/i18n';

/** 导出: downloads `path` with the list's current filters (from the URL) as `<name>_<date>.xlsx`. */
export function ExportButton({
  path,
  name,
  extra,
}: {
  path: string;
  name: string;
  extra?: Record<string, string>;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const toast = useErrorToast();
  const [params] = useSearchParams();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    const query: Record<string, string> = { ...extra };
    params.forEach((v, k) => {
      if (k !== 'page' && k !== 'pageSize') query[k] = v;
    });
    setBusy(true);
    try {
      await download(path, `${name}_${formatDate(new Date())}.xlsx`, query);
      message.success(t('common.done'));
    } catch (err) {
      toast(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<ExportOutlined />} loading={busy} onClick={run}>
      {t('common.export')}
    </Button>
  );
}
