import type { Permission } from '../../../common/roles';
import type { Label } from '../shared/i18n';
import type { AppRoute, MenuGroup, MenuItem } from './types';

export interface NavNode {
  key: string;
  label: Label;
  icon?: MenuItem['icon'];
  children?: NavNode[];
}

/**
 * The menu a user sees: items they hold the permission for, in groups ordered by `order`; a group
 * with no visible item disappears.
 */
export function visibleMenu(
  groups: MenuGroup[],
  items: MenuItem[],
  can: (p?: Permission) => boolean,
): NavNode[] {
  const shown = items.filter((i) => can(i.permission));
  const top: { order: number; seq: number; node: NavNode }[] = [];
  shown.forEach((item, seq) => {
    if (!item.group)
      top.push({ order: item.order ?? 0, seq, node: { key: item.path, label: item.label, icon: item.icon } });
  });
  groups.forEach((g, gi) => {
    const children = shown
      .filter((i) => i.group === g.key)
      .map((i) => ({ key: i.path, label: i.label, icon: i.icon }));
    if (children.length)
      top.push({
        order: g.order,
        seq: items.length + gi,
        node: { key: `group:${g.key}`, label: g.label, icon: g.icon, children },
      });
  });
  return top.sort((a, b) => a.order - b.order || a.seq - b.seq).map((t) => t.node);
}

/** The menu key to highlight for `pathname`: the longest item path it starts with. */
export function selectedMenuKey(items: MenuItem[], pathname: string): string | undefined {
  let best: string | undefined;
  for (const { path } of items) {
    const hit = path === '/' ? pathname === '/' : pathname === path || pathname.startsWith(`${path}/`);
    if (hit && (!best || path.length > best.length)) best = path;
  }
  return best;
}

/** The group key holding `path` in the menu, to open that section. */
export function groupOf(items: MenuItem[], path: string | undefined): string | undefined {
  return items.find((i) => i.path === path)?.group;
}

export interface Crumb {
  label: Label;
  path?: string;
}

/** Breadcrumbs for a route: its menu group, then its parents (linked), then itself. */
export function crumbsFor(
  route: AppRoute,
  routes: AppRoute[],
  groups: MenuGroup[],
  items: MenuItem[],
): Crumb[] {
  const chain: AppRoute[] = [route];
  let cur = route;
  while (cur.parent) {
    const parent = routes.find((r) => r.path === cur.parent);
    if (!parent || chain.includes(parent)) break;
    chain.unshift(parent);
    cur = parent;
  }
  const top = chain[0]!;
  const group = groups.find((g) => g.key === groupOf(items, top.path));
  const crumbs: Crumb[] = group ? [{ label: group.label }] : [];
  chain.forEach((r, i) => {
    crumbs.push({ label: r.title, path: i < chain.length - 1 ? r.path : undefined });
  });
  return crumbs;
}
