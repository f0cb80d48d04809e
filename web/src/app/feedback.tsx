import { App as AntApp } from 'antd';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { type ReactNode, useEffect } from 'react';
import { useI18n } from '../shared/i18n';
import { takePendingToasts } from '../shared/pendingToasts';

/** Shows the toasts queued by a page that had no antd `App` (the login page's welcome), once this frame is up. */
function PendingToasts() {
  const { message } = AntApp.useApp();
  useEffect(() => {
    for (const toast of takePendingToasts()) message[toast.type](toast.content);
  }, [message]);
  return null;
}

/**
 * antd's `App` (message / notification / modal context) and dayjs' locale (date pickers) for the pages that use
 * them: the signed-in frame, the check-in and the anonymous idea pages. Not in the app shell: the login page and
 * the public showcase do without, and this stack weighs ~20 KB gzip.
 */
export function Feedback({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
  return (
    // no second `ant-app` div: the one around every page is drawn by providers.tsx
    <AntApp component={false}>
      <PendingToasts />
      {children}
    </AntApp>
  );
}
