import { GlobalOutlined } from '@ant-design/icons';
import { Button, type ButtonProps } from 'antd';
import { lazy, Suspense, useState } from 'react';
import type { Lang } from '../../shared/i18n';
import { useI18n } from '../../shared/i18n';

// antd's Dropdown (menu, tooltip, overflow: ~30 KB gzip) loads when the pointer or the focus reaches the switch,
// not with the login page or the public showcase.
const loadMenu = () => import('./LangMenu');
const LangMenu = lazy(loadMenu);

/** The switch's button: the current language's name with a globe. */
function LangButton({ dark, ...props }: ButtonProps & { dark: boolean }) {
  const { lang, t } = useI18n();
  return (
    <Button
      type="text"
      icon={<GlobalOutlined />}
      style={dark ? { color: '#fff' } : undefined}
      // the visible language name is part of the accessible name (WCAG 2.5.3)
      aria-label={`${lang === 'zh' ? t('lang.zh') : t('lang.en')} · ${t('lang.switch')}`}
      {...props}
    >
      {lang === 'zh' ? t('lang.zh') : t('lang.en')}
    </Button>
  );
}

/**
 * 中文 / English switch; `onChange` lets the layout save the choice on the server. The menu opens on hover, as
 * antd's Dropdown does: the first hover loads it (focus only fetches it, so that the focused button stays).
 */
export function LangSwitch({ onChange, dark = false }: { onChange?: (lang: Lang) => void; dark?: boolean }) {
  // undefined until the pointer first reaches the switch; then whether the menu opens when its code arrives
  const [openOnArrival, setOpenOnArrival] = useState<boolean>();
  if (openOnArrival === undefined)
    return (
      <LangButton
        dark={dark}
        onPointerEnter={() => setOpenOnArrival(true)}
        onFocus={() => void loadMenu().catch(() => undefined)}
      />
    );
  return (
    <Suspense
      fallback={
        <LangButton
          dark={dark}
          onPointerEnter={() => setOpenOnArrival(true)}
          onPointerLeave={() => setOpenOnArrival(false)}
        />
      }
    >
      <LangMenu initialOpen={openOnArrival} onChange={onChange}>
        <LangButton dark={dark} />
      </LangMenu>
    </Suspense>
  );
}
