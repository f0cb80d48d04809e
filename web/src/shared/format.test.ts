import { describe, expect, it } from 'vitest';
import { formatCount, formatDate, formatMoney, formatWan } from './format';

describe('formatting', () => {
  it('shows dates as YYYY-MM-DD', () => {
    expect(formatDate('2025-03-08')).toBe('2025-03-08');
    expect(formatDate(new Date(2025, 2, 8, 13, 5))).toBe('2025-03-08');
    expect(formatDate(null)).toBe('');
    expect(formatDate('not a date')).toBe('');
  });

  it('shows money as ¥1,234.56 and in 万元 with one decimal', () => {
    expect(formatMoney(1234.56)).toBe('¥1,234.56');
    expect(formatMoney(123456, { fen: true })).toBe('¥1,234.56');
    expect(formatMoney(-5)).toBe('-¥5.00');
    expect(formatMoney(null)).toBe('');
    expect(formatWan(123456)).toBe('12.3 万元');
    expect(formatWan(0)).toBe('0.0 万元');
  });

  it('shows counts with their unit', () => {
    expect(formatCount(12, 'people')).toBe('12 人');
    expect(formatCount(1234, 'items')).toBe('1,234 项');
    expect(formatCount(1, 'people', 'en')).toBe('1 person');
    expect(formatCount(3, 'times', 'en')).toBe('3 times');
  });
});
