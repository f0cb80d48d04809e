import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n';
import { flushOutbox, onOutboxChange } from './outbox';

/**
 * Sends the offline outbox once `ready` (logged in, CSRF token loaded), whenever the connection returns, and
 * every 30 s while online. Returns the number of entries still waiting.
 */
export function useOutboxSync(ready: boolean): number {
  const { message } = App.useApp();
  const { t } = useI18n();
  const qc = useQueryClient();
  const [pending, setPending] = useState(0);
  useEffect(() => onOutboxChange(setPending), []);
  useEffect(() => {
    if (!ready || typeof indexedDB === 'undefined') return;
    const run = () => {
      flushOutbox()
        .then((n) => {
          if (!n) return;
          message.success(t('outbox.sent', { n }));
          void qc.invalidateQueries();
        })
        .catch(() => undefined);
    };
    run();
    window.addEventListener('online', run);
    const timer = window.setInterval(() => navigator.onLine && run(), 30_000);
    return () => {
      window.removeEventListener('online', run);
      window.clearInterval(timer);
    };
  }, [ready, message, t, qc]);
  return pending;
}
