/** Pure coverage arithmetic (普及面): which orgs host a studio somewhere below them, and head counts rolled up. */

export interface CoverageOrg {
  id: number;
  parentId: number | null;
  kind: string;
  name: string;
  path: string;
  employeeCount: number;
}

/**
 * Employees of a node: its own recorded head count when it has one (an org's count covers its subtree),
 * otherwise the sum of its children's, recursively — so a group with no figure of its own still adds up.
 */
export function employeesOf(orgId: number, orgs: readonly CoverageOrg[]): number {
  const byParent = new Map<number, CoverageOrg[]>();
  for (const o of orgs)
    if (o.parentId !== null) byParent.set(o.parentId, [...(byParent.get(o.parentId) ?? []), o]);
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const count = (id: number): number => {
    const o = byId.get(id);
    if (!o) return 0;
    if (o.employeeCount > 0) return o.employeeCount;
    return (byParent.get(id) ?? []).reduce((sum, c) => sum + count(c.id), 0);
  };
  return count(orgId);
}

/** Orgs of `kind` split into those with a studio hosted in their subtree and those without. */
export function coverageOf(kind: string, orgs: readonly CoverageOrg[], studioHostPaths: readonly string[]) {
  const withStudio: CoverageOrg[] = [];
  const without: CoverageOrg[] = [];
  for (const o of orgs) {
    if (o.kind !== kind) continue;
    (studioHostPaths.some((p) => p.startsWith(o.path)) ? withStudio : without).push(o);
  }
  return { withStudio, without };
}

/** `n` per 1,000 employees with one decimal; null when the head count is unknown (0). */
export function perThousand(n: number, employees: number): number | null {
  if (employees <= 0) return null;
  return Math.round((n * 10_000) / employees) / 10;
}
