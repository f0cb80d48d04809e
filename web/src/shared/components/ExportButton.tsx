import { ExportOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { download } from '../api/client';
import { formatDate } from '../format';
import { useErrorToast } from '../hooks/useApiMessage';
import { useI18n } from '../i18n';

/**
 * 导出: downloads `path` with the list's current filters as `<name>_<date>.xlsx` — the URL's (a ListPage keeps
 * its filters there) over `extra` defaults, or `filters` when the page keeps them in its own state.
 */
export function ExportButton({
  path,
  name,
  extra,
  filters,
}: {
  path: string;
  name: string;
  extra?: Record<string, string>;
  filters?: Record<string, string | undefined>;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const toast = useErrorToast();
  const [params] = useSearchParams();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    const query: Record<string, string> = { ...extra };
    if (filters) {
      for (const [k, v] of Object.entries(filters)) if (v) query[k] = v;
    } else
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
