import { useCallback } from 'react';
import type { Permission } from '../../../../common/roles';
import { useMe } from './useMe';

/** Whether the user holds `permission` on some org node (the server still checks each object). */
export function usePermission(permission: Permission | undefined): boolean {
  const { data: me } = useMe();
  if (!permission) return true;
  return me?.permissions.includes(permission) ?? false;
}

/** A checker for many permissions at once (menus, route guards). */
export function usePermissions(): (permission: Permission | undefined) => boolean {
  const { data: me } = useMe();
  const held = me?.permissions;
  return useCallback((permission) => !permission || (held?.includes(permission) ?? false), [held]);
}
