import type { Org } from '../../../../common/schemas/orgs';

export interface OrgNode {
  key: number;
  org: Org;
  children: OrgNode[];
}

/** Nests a flat org list (parents first or not) into trees; nodes whose parent is not visible become roots. */
export function buildOrgTree(orgs: Org[]): OrgNode[] {
  const nodes = new Map<number, OrgNode>(orgs.map((org) => [org.id, { key: org.id, org, children: [] }]));
  const roots: OrgNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.org.parentId === null ? undefined : nodes.get(node.org.parentId);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const sort = (list: OrgNode[]) => {
    list.sort((a, b) => a.org.code.localeCompare(b.org.code));
    for (const n of list) sort(n.children);
  };
  sort(roots);
  return roots;
}

/** Keeps the nodes whose name or code contains `text` and their ancestors; returns the keys to expand. */
export function filterOrgTree(roots: OrgNode[], text: string): { roots: OrgNode[]; expanded: number[] } {
  const needle = text.trim().toLowerCase();
  if (!needle) return { roots, expanded: [] };
  const expanded: number[] = [];
  const walk = (list: OrgNode[]): OrgNode[] =>
    list.flatMap((n) => {
      const children = walk(n.children);
      const hit = n.org.name.toLowerCase().includes(needle) || n.org.code.toLowerCase().includes(needle);
      if (!hit && children.length === 0) return [];
      if (children.length) expanded.push(n.key);
      return [{ ...n, children }];
    });
  return { roots: walk(roots), expanded };
}

/** Ids of `id` and everything under it (a node cannot move below itself). */
export function subtreeIds(orgs: Org[], id: number): Set<number> {
  const self = orgs.find((o) => o.id === id);
  if (!self) return new Set();
  return new Set(orgs.filter((o) => o.path.startsWith(self.path)).map((o) => o.id));
}
