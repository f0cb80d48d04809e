import type { StatUnit } from '../../../../common/schemas/stats';
import { formatCount, formatWan } from '../../shared/format';
import type { Lang } from '../../shared/i18n';

/** A statistic with its unit: 12 个 / 3 项 / 8 人 / 12.5 学时 / 12.3 万元 / 3.8 ‰. */
export function formatStat(value: number, unit: StatUnit, lang: Lang): string {
  switch (unit) {
    case 'fen':
      return formatWan(value, { fen: true, lang });
    case 'hours':
      return lang === 'en' ? `${value.toLocaleString('en')} h` : `${value.toLocaleString('zh-CN')} 学时`;
    case 'perThousand':
      return lang === 'en' ? `${value} per 1,000` : `${value} 个/千人`;
    case 'items':
      return formatCount(value, 'items', lang);
    case 'people':
      return formatCount(value, 'people', lang);
    case 'times':
      return formatCount(value, 'times', lang);
    default:
      return formatCount(value, 'count', lang);
  }
}

/** The number a chart plots: money in 万元, everything else as it is. */
export function chartValue(value: number, unit: StatUnit): number {
  return unit === 'fen' ? Math.round(value / 1000) / 10 : value;
}
