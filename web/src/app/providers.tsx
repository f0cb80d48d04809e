import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider, theme } from 'antd';
import useAppStyle from 'antd/es/app/style';
// The ES builds: `antd/locale/*` are CommonJS and bring a second copy of what antd's own default (en_US) holds.
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import { type ReactNode, useContext } from 'react';
import { ApiError } from '../shared/api/client';
import { I18nProvider, useI18n } from '../shared/i18n';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // 4xx answers will not change by asking again
      retry: (count, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2,
    },
  },
});

export const brandColor = '#1a5fb4';

/**
 * The text of a coloured tag is shade 7 of its palette, on shade 1: one shade darker where 7 is under 4.5:1.
 * Set under both token names (`green7` and the legacy `green-7`): they share one CSS variable.
 */
const tagTexts = Object.fromEntries(
  Object.entries({
    volcano: '#ad2102',
    orange: '#ad4e00',
    gold: '#874d00',
    yellow: '#876800',
    lime: '#3f6600',
    green: '#237804',
    cyan: '#006d75',
  }).flatMap(([name, color]) => [
    [`${name}7`, color],
    [`${name}-7`, color],
  ]),
);

function Themed({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  return (
    <ConfigProvider
      locale={lang === 'zh' ? zhCN : enUS}
      theme={{
        algorithm: theme.defaultAlgorithm,
        token: {
          colorPrimary: brandColor,
          // WCAG AA (4.5:1 on white) for links, secondary texts, placeholders and counters: antd's defaults
          // (#1677ff, 45 % and 25 % black) are too light
          colorLink: '#0b57a8',
          colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
          colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
          colorTextDescription: 'rgba(0, 0, 0, 0.6)',
          colorTextPlaceholder: 'rgba(0, 0, 0, 0.58)',
          // danger buttons, error texts and the 未通过 tags (#ff4d4f is 3.3:1 on white); info in the brand blue
          colorError: '#cf1322',
          colorInfo: brandColor,
          // success / warning texts (Typography type="success" | "warning": 合计 100 %, hints)
          colorSuccessText: '#237804',
          colorWarningText: '#874d00',
          ...tagTexts,
          borderRadius: 6,
          fontFamily:
            "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', sans-serif",
        },
        components: {
          Layout: { headerBg: '#ffffff', headerPadding: '0 16px', siderBg: '#001529' },
          // status tags (success / warning …) write in their colour on its light background: darker texts
          Tag: { colorSuccess: '#237804', colorWarning: '#874d00' },
        },
      }}
    >
      <Base>{children}</Base>
    </ConfigProvider>
  );
}

/**
 * The frame antd's `App` draws around the app (its `ant-app` class: text colour, size, line height, font, and the
 * theme's link style for the links inside), for every page. `App` itself, with its message/modal stack, loads
 * with the pages that use it (./feedback.tsx), not with the login page or the public showcase.
 */
function Base({ children }: { children: ReactNode }) {
  const prefixCls = useContext(ConfigProvider.ConfigContext).getPrefixCls('app');
  const [hashId, cssVarCls] = useAppStyle(prefixCls);
  return <div className={`${hashId} ${prefixCls} ${cssVarCls}`}>{children}</div>;
}

/** Query cache, UI language, antd locale and theme (antd's `App` comes with the pages that use it: ./feedback.tsx). */
export function Providers({ children }: { children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <Themed>{children}</Themed>
      </I18nProvider>
    </QueryClientProvider>
  );
}
