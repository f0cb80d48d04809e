import { describe, expect, it } from 'vitest';
import { en } from './en';
import { loadLang, translate } from './index';
import { zh } from './zh';

describe('i18n dictionaries', () => {
  it('have exactly the same keys in Chinese and English', () => {
    const zhKeys = Object.keys(zh).sort();
    const enKeys = Object.keys(en).sort();
    expect(zhKeys.filter((k) => !(k in en))).toEqual([]);
    expect(enKeys.filter((k) => !(k in zh))).toEqual([]);
  });

  it('have no empty texts and the same placeholders in both languages', () => {
    for (const [key, text] of Object.entries(zh)) {
      const other = (en as Record<string, string>)[key] ?? '';
      expect(text.trim(), key).not.toBe('');
      expect(other.trim(), key).not.toBe('');
      const vars = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
      expect(vars(other), key).toEqual(vars(text));
    }
  });

  it('fills placeholders', async () => {
    expect(translate('zh', 'common.totalItems', { n: 12 })).toBe('共 12 条');
    await loadLang('en');
    expect(translate('en', 'common.totalItems', { n: 12 })).toBe('12 items');
  });
});
