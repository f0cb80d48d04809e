import { describe, expect, it } from 'vitest';
import type { Org } from '../../../../common/schemas/orgs';
import { buildOrgTree, filterOrgTree, subtreeIds } from './org-tree';

const org = (
  id: number,
  parentId: number | null,
  path: string,
  name: string,
  kind: Org['kind'] = 'workshop',
): Org => ({
  id,
  parentId,
  kind,
  code: `C${id}`,
  name,
  employeeCount: 0,
  depth: path.split('/').length - 2,
  path,
  archivedAt: null,
  version: 1,
  updatedAt: '2025-01-01T00:00:00Z',
});

const orgs = [
  org(1, null, '/1/', '示例重工集团', 'group'),
  org(2, 1, '/1/2/', '第一机械厂', 'enterprise'),
  org(3, 2, '/1/2/3/', '装配车间'),
  org(4, 1, '/1/4/', '第二机械厂', 'enterprise'),
  org(5, 4, '/1/4/5/', '焊接车间'),
];

describe('org tree', () => {
  it('nests a flat list, with invisible parents giving extra roots', () => {
    const roots = buildOrgTree(orgs);
    expect(roots.map((r) => r.key)).toEqual([1]);
    expect(roots[0]?.children.map((c) => c.key)).toEqual([2, 4]);
    expect(buildOrgTree(orgs.slice(1)).map((r) => r.key)).toEqual([2, 4]);
  });

  it('filters by name keeping ancestors and expanding them', () => {
    const { roots, expanded } = filterOrgTree(buildOrgTree(orgs), '焊接');
    expect(roots[0]?.children.map((c) => c.key)).toEqual([4]);
    expect(roots[0]?.children[0]?.children.map((c) => c.key)).toEqual([5]);
    expect(expanded.sort()).toEqual([1, 4]);
  });

  it('lists a subtree', () => {
    expect([...subtreeIds(orgs, 2)].sort()).toEqual([2, 3]);
  });
});
