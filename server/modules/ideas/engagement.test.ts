import { describe, expect, it } from 'vitest';
import { trackingCodeParam } from '../../../common/schemas/ideas.js';
import { chinaDate, newTrackingCode, overlapScore, searchWords } from './engagement.js';

describe('tracking codes', () => {
  it('are 10 characters of Crockford base32 that the route accepts, grouped or not, in any case', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const code = newTrackingCode();
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
      seen.add(code);
      expect(
        trackingCodeParam.parse({ code: `${code.slice(0, 5)}-${code.slice(5).toLowerCase()}` }).code,
      ).toBe(code);
    }
    expect(seen.size).toBe(2000);
    expect(trackingCodeParam.safeParse({ code: 'ILOU000000' }).success).toBe(false);
  });
});

describe('idea similarity', () => {
  it('scores shared technical words, not the words every idea uses', () => {
    const a = '数控车床冷却液回收：建议加装过滤回收装置循环使用冷却液';
    const b = '冷却液过滤回收再利用：建议给数控车床加装冷却液过滤装置';
    expect(overlapScore(a, b)).toBeGreaterThan(0.4);
    expect(overlapScore('食堂增加夜宵窗口，建议增加', '更衣室增加储物柜，建议增加二十个')).toBe(0);
    expect(searchWords(['建议增加时间'])).toEqual([]);
  });

  it('dates in China time', () => {
    expect(chinaDate(new Date('2026-03-01T16:30:00Z'))).toBe('2026-03-02');
  });
});
