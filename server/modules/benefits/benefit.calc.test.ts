import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  attributedFen,
  type BenefitClaim,
  calculateBenefitFen,
  findDuplicateBenefit,
  periodsOverlap,
  sharesSumTo100,
  sharesTotal,
  splitByShares,
} from './benefit.calc.js';

describe('benefit calculation', () => {
  it('is (after − before) × period − implementation cost, in fen', () => {
    // Scrap cost 12,000.00 → 8,000.00 yuan a month is a gain of 4,000.00 yuan a month; 12 months; cost 6,500.00.
    const fen = calculateBenefitFen({
      beforeValueFen: -1_200_000,
      afterValueFen: -800_000,
      periodCount: 12,
      implementationCostFen: 650_000,
    });
    expect(fen).toBe(4_150_000);
    // Output value per piece 35.20 → 38.75 yuan, 1,250 pieces, no cost.
    expect(
      calculateBenefitFen({
        beforeValueFen: 3520,
        afterValueFen: 3875,
        periodCount: 1250,
        implementationCostFen: 0,
      }),
    ).toBe(443_750);
  });

  it('rounds a fractional period to the fen, half away from zero, and can go negative', () => {
    // 333 fen × 1.5 = 499.5 → 500
    expect(
      calculateBenefitFen({
        beforeValueFen: 0,
        afterValueFen: 333,
        periodCount: 1.5,
        implementationCostFen: 0,
      }),
    ).toBe(500);
    expect(
      calculateBenefitFen({
        beforeValueFen: 333,
        afterValueFen: 0,
        periodCount: 1.5,
        implementationCostFen: 0,
      }),
    ).toBe(-500);
    expect(
      calculateBenefitFen({
        beforeValueFen: 100,
        afterValueFen: 200,
        periodCount: 2,
        implementationCostFen: 1000,
      }),
    ).toBe(-800);
  });

  it('is exact for amounts far beyond 2^53 intermediate products', () => {
    const fen = calculateBenefitFen({
      beforeValueFen: 0,
      afterValueFen: 9_000_000_000_000,
      periodCount: 999.99,
      implementationCostFen: 0,
    });
    expect(fen).toBe(8_999_910_000_000_000);
  });
});

describe('shares', () => {
  it('must sum to exactly 100% in hundredths', () => {
    expect(sharesSumTo100([60, 40])).toBe(true);
    expect(sharesSumTo100([33.33, 33.33, 33.34])).toBe(true);
    expect(sharesSumTo100([33.33, 33.33, 33.33])).toBe(false);
    expect(sharesSumTo100([50, 40])).toBe(false);
    expect(sharesTotal([50, 40])).toBe(90);
    // 0.1 + 0.2 style float noise does not matter
    expect(sharesSumTo100([0.1, 0.2, 99.7])).toBe(true);
  });

  it('splits an amount so the parts add up exactly to the whole', () => {
    expect(
      splitByShares(100, [
        { key: 'a', share: 33.33 },
        { key: 'b', share: 33.33 },
        { key: 'c', share: 33.34 },
      ]),
    ).toEqual([
      { key: 'a', amountFen: 33 },
      { key: 'b', amountFen: 33 },
      { key: 'c', amountFen: 34 },
    ]);
    expect(
      splitByShares(1, [
        { key: 'a', share: 50 },
        { key: 'b', share: 50 },
      ]).map((p) => p.amountFen),
    ).toEqual([1, 0]);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 1, maxLength: 8 }),
        (amount, weights) => {
          // Turn weights into hundredths summing to 10,000.
          const sum = weights.reduce((a, b) => a + b, 0);
          const h = weights.map((w) => Math.floor((w * 10_000) / sum));
          h[0]! += 10_000 - h.reduce((a, b) => a + b, 0);
          if (h.some((x) => x <= 0)) return;
          const parts = splitByShares(
            amount,
            h.map((x, i) => ({ key: i, share: x / 100 })),
          );
          expect(parts.reduce((a, p) => a + p.amountFen, 0)).toBe(amount);
          for (const [i, p] of parts.entries())
            expect(Math.abs(p.amountFen - (amount * h[i]!) / 10_000)).toBeLessThan(1);
        },
      ),
    );
  });

  it('attributes a benefit to a person by share, rounded to the fen', () => {
    expect(attributedFen(1_000_000, 60)).toBe(600_000);
    expect(attributedFen(101, 50)).toBe(51);
    expect(attributedFen(100, 33.33)).toBe(33);
  });
});

describe('duplicate guard', () => {
  const claim = (o: Partial<BenefitClaim>): BenefitClaim => ({
    id: 1,
    orgPath: '/1/2/5/',
    periodFrom: '2025-01-01',
    periodTo: '2025-12-31',
    status: 'verified',
    archivedAt: null,
    ...o,
  });
  const cand = { orgPath: '/1/2/5/', periodFrom: '2025-07-01', periodTo: '2026-06-30' };

  it('refuses the same unit with an overlapping period, and names the existing record', () => {
    expect(findDuplicateBenefit([claim({ id: 7 })], cand)?.id).toBe(7);
    // touching on one day is an overlap
    expect(findDuplicateBenefit([claim({ periodTo: '2025-07-01' })], cand)).not.toBeNull();
  });

  it('treats a unit and its sub-unit as the same benefit, but not sibling units or other enterprises', () => {
    expect(findDuplicateBenefit([claim({ orgPath: '/1/2/' })], cand)).not.toBeNull();
    expect(findDuplicateBenefit([claim({ orgPath: '/1/2/5/9/' })], cand)).not.toBeNull();
    expect(findDuplicateBenefit([claim({ orgPath: '/1/2/6/' })], cand)).toBeNull();
    expect(findDuplicateBenefit([claim({ orgPath: '/1/3/' })], cand)).toBeNull();
  });

  it('allows consecutive periods, rejected or archived claims, and re-saving the record itself', () => {
    expect(findDuplicateBenefit([claim({ periodTo: '2025-06-30' })], cand)).toBeNull();
    expect(findDuplicateBenefit([claim({ status: 'rejected' })], cand)).toBeNull();
    expect(findDuplicateBenefit([claim({ archivedAt: '2025-08-01T00:00:00Z' })], cand)).toBeNull();
    expect(findDuplicateBenefit([claim({ id: 3 })], { ...cand, id: 3 })).toBeNull();
    // drafts and submitted calculations already hold their claim
    expect(findDuplicateBenefit([claim({ status: 'draft' })], cand)).not.toBeNull();
    expect(findDuplicateBenefit([claim({ status: 'submitted' })], cand)).not.toBeNull();
  });

  it('period overlap is symmetric and inclusive', () => {
    const a = { from: '2025-01-01', to: '2025-01-31' };
    const b = { from: '2025-01-31', to: '2025-02-28' };
    expect(periodsOverlap(a, b)).toBe(true);
    expect(periodsOverlap(b, a)).toBe(true);
    expect(periodsOverlap(a, { from: '2025-02-01', to: '2025-02-02' })).toBe(false);
  });
});
