import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { ApiError } from '../api/client';
import { useI18n } from '../i18n';

/**
 * Shows an error from the API (or anything thrown) as a toast in the UI language. A stale write (409
 * conflict.stale) also reloads the data on screen, so the user retries on the current version.
 */
export function useErrorToast() {
  const { message } = App.useApp();
  const { t } = useI18n();
  const qc = useQueryClient();
  return (err: unknown) => {
    if (err instanceof ApiError) {
      message.error(err.message || t('error.unknown'));
      if (err.code === 'conflict.stale') void qc.invalidateQueries();
    } else message.error(t('error.unknown'));
  };
}
