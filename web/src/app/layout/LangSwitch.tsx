import { GlobalOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import type { Lang } from '../../shared/i18n';
import { useI18n } from '../../shared/i18n';

/** 中文 / English switch; `onChange` lets the layout save the choice on the server. */
export function LangSwitch({ onChange, dark = false }: { onChange?: (lang: Lang) => void; dark?: boolean }) {
  const { lang, setLang, t } = useI18n();
  return (
    <Dropdown
      menu={{
        selectable: true,
        selectedKeys: [lang],
        items: [
          { key: 'zh', label: t('lang.zh') },
          { key: 'en', label: t('lang.en') },
        ],
        onClick: ({ key }) => {
          const next = key as Lang;
          if (next === lang) return;
          setLang(next);
          onChange?.(next);
        },
      }}
    >
      <Button
        type="text"
        icon={<GlobalOutlined />}
        style={dark ? { color: '#fff' } : undefined}
        // the visible language name is part of the accessible name (WCAG 2.5.3)
        aria-label={`${lang === 'zh' ? t('lang.zh') : t('lang.en')} · ${t('lang.switch')}`}
      >
        {lang === 'zh' ? t('lang.zh') : t('lang.en')}
      </Button>
    </Dropdown>
  );
}
