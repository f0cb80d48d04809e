import { describe, expect, it } from 'vitest';
import { searchDocumentOf, wordsOf } from './similarity.text.js';

describe('Chinese words for similarity', () => {
  it('keeps dictionary words and joins runs of single characters into pairs', () => {
    const w = wordsOf('大型铸件冒口切割工装改进');
    expect(w).toContain('大型');
    expect(w).toContain('切割');
    expect(w).toContain('改进');
    // ICU splits 铸件 and 冒口 into single characters: the pairs bring them back.
    expect(w).toContain('铸件');
    expect(w).toContain('冒口');
    expect(w.every((x) => x.length >= 2)).toBe(true);
  });

  it('drops punctuation, function words and duplicates, folds width and case', () => {
    const w = wordsOf('数控机床主轴的热变形补偿方法，数控机床ＣＮＣ与PLC研究');
    expect(w).toContain('数控');
    expect(w).toContain('机床');
    expect(w).toContain('主轴');
    expect(w).toContain('cnc');
    expect(w).toContain('plc');
    expect(w).not.toContain('的');
    expect(w).not.toContain('方法');
    expect(w.filter((x) => x === '机床')).toHaveLength(1);
  });

  it('builds one space-separated document from several fields, skipping empty ones', () => {
    expect(searchDocumentOf(['焊接变形', null, undefined, '', '焊缝'])).toBe(
      wordsOf('焊接变形\n焊缝').join(' '),
    );
    expect(searchDocumentOf([])).toBe('');
  });
});
