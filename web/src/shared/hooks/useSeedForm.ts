import type { FormInstance } from 'antd';
import { useEffect, useRef } from 'react';

/**
 * Puts saved values into a form when they really change — not each time a background refetch hands
 * back an equal object, which would wipe what the user is typing.
 */
export function useSeedForm<T extends object>(form: FormInstance, values: T | null | undefined): void {
  const seeded = useRef<string | null>(null);
  const key = values == null ? null : JSON.stringify(values);
  useEffect(() => {
    if (key == null || key === seeded.current) return;
    seeded.current = key;
    form.setFieldsValue(JSON.parse(key));
  }, [key, form]);
}
