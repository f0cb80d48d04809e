import type { ComponentType, LazyExoticComponent, ReactNode } from 'react';
import type { Permission } from '../../../common/roles';
import type { Label } from '../shared/i18n';

/** A page of the app, loaded lazily when first opened. */
export interface AppRoute {
  /** react-router path, e.g. '/people/:id'. */
  path: string;
  title: Label;
  page: LazyExoticComponent<ComponentType>;
  /** Shown only to users holding this permission somewhere (403 page otherwise). */
  permission?: Permission;
  /** Path of the page this one sits under in the breadcrumbs ('/people' for '/people/:id'). */
  parent?: string;
}

/** A top-level menu section that groups menu items. `order` places it (home is 0, system management 90). */
export interface MenuGroup {
  key: string;
  label: Label;
  icon: ReactNode;
  order: number;
}

/** A menu entry, shown only when the user holds `permission`. */
export interface MenuItem {
  path: string;
  label: Label;
  icon?: ReactNode;
  permission?: Permission;
  /** The MenuGroup key it sits under; top level when absent. */
  group?: string;
  /** Place of a top-level item among the groups (default 0). */
  order?: number;
}

/** Shorthand for a `{ zh, en }` label. */
export const L = (zh: string, en: string): Label => ({ zh, en });
