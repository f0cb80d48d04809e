import { describe, expect, it } from 'vitest';
import { likeOf, queryWords } from './search.words.js';

describe('queryWords', () => {
  it('segments Chinese into words and keeps Latin and numbers whole', () => {
    expect(queryWords('刀具寿命提升')).toEqual(['刀具', '寿命', '提升']);
    expect(queryWords('焊接工作室')).toEqual(['焊接', '工作室']);
    expect(queryWords('刀具')).toEqual(['刀具']);
    expect(queryWords('QC小组 2023，刀具！')).toEqual(['qc', '小组', '2023', '刀具']);
    expect(queryWords('ＡＢＣ')).toEqual(['abc']);
    expect(queryWords('，。 ')).toEqual([]);
  });
  it('escapes LIKE wildcards', () => {
    expect(likeOf('50%_x')).toBe('%50\\%\\_x%');
  });
});
