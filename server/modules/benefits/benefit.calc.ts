/**
 * The economic-benefit rules as pure functions: the calculation, the split across units, and the guard
 * against counting the same benefit twice. Amounts are integer fen; shares are percentages with at most
 * two decimals, handled as integer hundredths so that sums are exact.
 */
import { type BenefitStatus, benefitClaimingStatuses } from '../../../common/workflows/benefit.js';

/** A percentage as integer hundredths (12.5 → 1250). */
export function shareHundredths(share: number): number {
  return Math.round(share * 100);
}

/** Whether shares add up to exactly 100%. */
export function sharesSumTo100(shares: readonly number[]): boolean {
  return shares.reduce((s, x) => s + shareHundredths(x), 0) === 10_000;
}

/** The sum of shares, for the message telling the user what they entered (90 → “90%”). */
export function sharesTotal(shares: readonly number[]): number {
  return shares.reduce((s, x) => s + shareHundredths(x), 0) / 100;
}

/** Divides with rounding half away from zero, in exact integer arithmetic. */
function divRound(n: bigint, d: bigint): bigint {
  const q = n / d;
  const r = n % d;
  if (r === 0n) return q;
  const twice = (r < 0n ? -r : r) * 2n;
  if (twice < d) return q;
  return n < 0n ? q - 1n : q + 1n;
}

export interface BenefitInput {
  /** Measured value per unit before the change (fen). */
  beforeValueFen: number;
  /** Measured value per unit after the change (fen). */
  afterValueFen: number;
  /** Units in the stated period (months, pieces…), at most two decimals. */
  periodCount: number;
  /** One-off cost of putting the change in place (fen). */
  implementationCostFen: number;
}

/**
 * Net benefit in fen: (after − before) × periodCount − implementation cost, the gross part rounded
 * half away from zero to the fen. May be negative; the service refuses to record a negative benefit.
 */
export function calculateBenefitFen(i: BenefitInput): number {
  const gain = BigInt(i.afterValueFen) - BigInt(i.beforeValueFen);
  const gross = divRound(gain * BigInt(shareHundredths(i.periodCount)), 100n);
  return Number(gross - BigInt(i.implementationCostFen));
}

/**
 * Splits `amountFen` by percentage shares (summing to 100) so that the parts add up exactly to the
 * whole: every part gets its floor, and the fen left over go to the largest remainders (earlier entries
 * first on ties).
 */
export function splitByShares<K>(
  amountFen: number,
  parts: readonly { key: K; share: number }[],
): { key: K; amountFen: number }[] {
  const total = BigInt(amountFen);
  const sign = total < 0n ? -1n : 1n;
  const abs = total * sign;
  const raw = parts.map((p, i) => {
    const num = abs * BigInt(shareHundredths(p.share));
    return { i, key: p.key, floor: num / 10_000n, rem: num % 10_000n };
  });
  let left = abs - raw.reduce((s, r) => s + r.floor, 0n);
  const order = [...raw].sort((a, b) => (b.rem === a.rem ? a.i - b.i : b.rem > a.rem ? 1 : -1));
  const extra = new Map<number, bigint>();
  for (const r of order) {
    if (left <= 0n) break;
    extra.set(r.i, 1n);
    left -= 1n;
  }
  return raw.map((r) => ({ key: r.key, amountFen: Number((r.floor + (extra.get(r.i) ?? 0n)) * sign) }));
}

/** A person's part of a benefit by their contributor share, rounded to the fen. */
export function attributedFen(amountFen: number, share: number): number {
  return Number(divRound(BigInt(amountFen) * BigInt(shareHundredths(share)), 10_000n));
}

/** Whether two inclusive date ranges (YYYY-MM-DD) share at least one day. */
export function periodsOverlap(a: { from: string; to: string }, b: { from: string; to: string }): boolean {
  return a.from <= b.to && b.from <= a.to;
}

/** Whether two units are the same or one contains the other (a benefit claimed at 分厂 and at its 车间 is one benefit). */
export function unitsOverlap(aPath: string, bPath: string): boolean {
  return aPath.startsWith(bPath) || bPath.startsWith(aPath);
}

export interface BenefitClaim {
  id: number;
  orgPath: string;
  periodFrom: string;
  periodTo: string;
  status: BenefitStatus;
  archivedAt: string | null;
}

/**
 * The duplicate guard. Among the existing calculations of ONE result, finds one that already claims the
 * candidate's benefit: same (or nested) unit, overlapping period, still alive (not rejected, not archived),
 * and not the candidate itself. Returns it, or null when the candidate may be recorded.
 */
export function findDuplicateBenefit(
  existing: readonly BenefitClaim[],
  candidate: { id?: number; orgPath: string; periodFrom: string; periodTo: string },
): BenefitClaim | null {
  return (
    existing.find(
      (e) =>
        e.id !== candidate.id &&
        e.archivedAt === null &&
        benefitClaimingStatuses.includes(e.status) &&
        unitsOverlap(e.orgPath, candidate.orgPath) &&
        periodsOverlap(
          { from: e.periodFrom, to: e.periodTo },
          { from: candidate.periodFrom, to: candidate.periodTo },
        ),
    ) ?? null
  );
}
