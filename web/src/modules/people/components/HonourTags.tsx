import { Tag } from 'antd';
import { honourKindLabels, honourLevelLabels } from '../../../../../common/enums';
import type { Honour } from '../../../../../common/schemas/people';
import { useI18n } from '../../../shared/i18n';

/** Honours as compact tags: 技术能手 · 企业级 2021. */
export function HonourTags({ honours, max = 3 }: { honours: Honour[]; max?: number }) {
  const { l } = useI18n();
  const shown = honours.slice(0, max);
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 4, maxWidth: 240 }}>
      {shown.map((h) => (
        <Tag key={`${h.kind}-${h.level}-${h.year}`} color="gold" style={{ marginInlineEnd: 0 }}>
          {l(honourKindLabels[h.kind])} · {l(honourLevelLabels[h.level])} {h.year}
        </Tag>
      ))}
      {honours.length > max && <Tag style={{ marginInlineEnd: 0 }}>+{honours.length - max}</Tag>}
    </div>
  );
}
