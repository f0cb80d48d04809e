import type { FormInstance } from 'antd';
import { ApiError } from './client';

/** `honours.0.year` → ['honours', 0, 'year'], the antd NamePath of a server field path. */
export function namePathOf(path: string): (string | number)[] {
  return path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/**
 * Puts the server's `details.fields` messages next to the matching antd Form fields. Returns true
 * when a message landed on a field the form holds, so the caller shows a toast only for the rest.
 */
export function applyServerErrors(form: FormInstance, error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  const held = new Set(Object.keys({ ...form.getFieldsValue(true), ...form.getFieldsValue() }));
  const fields = Object.entries(error.fields).map(([path, message]) => ({
    name: namePathOf(path),
    errors: [message],
  }));
  const onForm = fields.filter((f) => held.has(String(f.name[0])));
  form.setFields(onForm);
  return onForm.length > 0;
}

/** The form's values, or null when a field is invalid (antd already shows the messages next to the fields). */
export async function validValues<T>(form: FormInstance<T>): Promise<T | null> {
  try {
    return await form.validateFields();
  } catch {
    return null;
  }
}
