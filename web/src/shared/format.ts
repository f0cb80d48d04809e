import dayjs from 'dayjs';
import type { Lang } from './i18n';

/** A date (or timestamp) as YYYY-MM-DD; '' for nothing. */
export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return '';
  const d = dayjs(value);
  return d.isValid() ? d.format('YYYY-MM-DD') : '';
}

/** A timestamp as YYYY-MM-DD HH:mm in the browser's time zone. */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return '';
  const d = dayjs(value);
  return d.isValid() ? d.format('YYYY-MM-DD HH:mm') : '';
}

const yuan = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Money in yuan as ¥1,234.56 (pass fen with `{ fen: true }`). */
export function formatMoney(amount: number | null | undefined, opts: { fen?: boolean } = {}): string {
  if (amount === null || amount === undefined || Number.isNaN(amount)) return '';
  const value = opts.fen ? amount / 100 : amount;
  return `${value < 0 ? '-' : ''}¥${yuan.format(Math.abs(value))}`;
}

/** Money in 万元 with one decimal, for summaries: 123456 → "12.3 万元" ("¥12.3 ten-thousand" is not English, so en shows ¥123.5K). */
export function formatWan(
  amount: number | null | undefined,
  opts: { fen?: boolean; lang?: Lang } = {},
): string {
  if (amount === null || amount === undefined || Number.isNaN(amount)) return '';
  const value = opts.fen ? amount / 100 : amount;
  return opts.lang === 'en'
    ? `¥${(value / 1000).toLocaleString('en', { maximumFractionDigits: 1, minimumFractionDigits: 1 })}K`
    : `${(value / 10_000).toLocaleString('zh-CN', { maximumFractionDigits: 1, minimumFractionDigits: 1 })} 万元`;
}

const units = {
  people: { zh: '人', en: ['person', 'people'] },
  items: { zh: '项', en: ['item', 'items'] },
  count: { zh: '个', en: ['', ''] },
  times: { zh: '次', en: ['time', 'times'] },
} as const;
export type CountUnit = keyof typeof units;

/** A count with its unit: 12 人 / 12 people. */
export function formatCount(n: number | null | undefined, unit: CountUnit, lang: Lang = 'zh'): string {
  if (n === null || n === undefined) return '';
  const num = n.toLocaleString(lang === 'en' ? 'en' : 'zh-CN');
  if (lang === 'zh') return `${num} ${units[unit].zh}`;
  const word = units[unit].en[n === 1 ? 0 : 1];
  return word ? `${num} ${word}` : num;
}
