import type { Label, Lang } from './i18n';

/** The label of `value` in a `{ value: { zh, en } }` map (common/enums.ts), or the value itself when unknown. */
export function labelOf<K extends string>(
  map: Record<K, Label>,
  value: K | null | undefined,
  lang: Lang,
): string {
  if (value === null || value === undefined) return '';
  return map[value]?.[lang] ?? value;
}

/** Select options for the values of an enum, labelled in `lang`. */
export function optionsOf<K extends string>(values: readonly K[], map: Record<K, Label>, lang: Lang) {
  return values.map((value) => ({ value, label: map[value][lang] }));
}
