import { describe, expect, it } from 'vitest';
import { menuGroups, menuItems } from './menu';
import { crumbsFor, selectedMenuKey, visibleMenu } from './navigation';
import type { AppRoute } from './types';
import { L } from './types';

const keys = (nodes: ReturnType<typeof visibleMenu>): string[] =>
  nodes.flatMap((n) => [n.key, ...(n.children ? keys(n.children) : [])]);

describe('menu', () => {
  it('shows only the entries whose permission the user holds, hiding empty groups', () => {
    const employee = new Set(['orgs.read']);
    const shown = keys(visibleMenu(menuGroups, menuItems, (p) => !p || employee.has(p)));
    expect(shown).toContain('/orgs');
    expect(shown).not.toContain('/people');
    expect(shown).not.toContain('/audit');
    expect(shown).toContain('group:system'); // "my account" needs no permission
  });

  it('orders top-level entries and groups by their order', () => {
    const all = visibleMenu(menuGroups, menuItems, () => true).map((n) => n.key);
    expect(all[0]).toBe('/');
    expect(all.indexOf('group:org')).toBeLessThan(all.indexOf('group:system'));
  });

  it('highlights the longest matching entry', () => {
    expect(selectedMenuKey(menuItems, '/people/12')).toBe('/people');
    expect(selectedMenuKey(menuItems, '/')).toBe('/');
    expect(selectedMenuKey(menuItems, '/nowhere')).toBeUndefined();
  });
});

describe('breadcrumbs', () => {
  it('lists the group, the linked parents and the page', () => {
    const page = (() => null) as never;
    const routes: AppRoute[] = [
      { path: '/people', title: L('人员管理', 'People'), page },
      { path: '/people/:id', title: L('人员详情', 'Person'), parent: '/people', page },
    ];
    const crumbs = crumbsFor(routes[1]!, routes, menuGroups, menuItems);
    expect(crumbs.map((c) => c.label.zh)).toEqual(['组织与人员', '人员管理', '人员详情']);
    expect(crumbs[1]?.path).toBe('/people');
    expect(crumbs[2]?.path).toBeUndefined();
  });
});
