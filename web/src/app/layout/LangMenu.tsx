import { Dropdown } from 'antd';
import { type ReactElement, useState } from 'react';
import type { Lang } from '../../shared/i18n';
import { useI18n } from '../../shared/i18n';

/** The language menu around the switch's button (./LangSwitch.tsx), loaded when first wanted. */
export default function LangMenu({
  initialOpen,
  onChange,
  children,
}: {
  initialOpen: boolean;
  onChange?: (lang: Lang) => void;
  children: ReactElement;
}) {
  const { lang, setLang, t } = useI18n();
  const [open, setOpen] = useState(initialOpen);
  return (
    <Dropdown
      open={open}
      onOpenChange={setOpen}
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
      {children}
    </Dropdown>
  );
}
