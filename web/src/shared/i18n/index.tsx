import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { type MessageKey, zh } from './zh';

export type Lang = 'zh' | 'en';
export type { MessageKey };
/** A label in both languages, the shape of the label maps in common/enums.ts and common/roles.ts. */
export type Label = { zh: string; en: string };

// English loads when first wanted (loadLang): most people never switch, and the first page stays lighter.
const dictionaries: Partial<Record<Lang, Record<MessageKey, string>>> = { zh };
const STORAGE_KEY = 'jx.lang';

let currentLang: Lang = readStoredLang();
// the page's lang attribute follows the stored choice from the first paint (screen readers pick the voice by it)
if (typeof document !== 'undefined') document.documentElement.lang = currentLang === 'zh' ? 'zh-CN' : 'en';

function readStoredLang(): Lang {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

/** The UI language outside React (the API client sends it as Accept-Language). */
export function getLang(): Lang {
  return currentLang;
}

/** Loads `lang`'s texts (once); `main.tsx` awaits the stored language's before the first render. */
export async function loadLang(lang: Lang): Promise<void> {
  if (!dictionaries[lang]) dictionaries[lang] = (await import('./en')).en;
}

/** Translates `key` in `lang` (Chinese until `lang`'s texts are loaded), replacing `{name}` placeholders with `vars`. */
export function translate(lang: Lang, key: MessageKey, vars?: Record<string, string | number>): string {
  const text = (dictionaries[lang] ?? zh)[key] ?? key;
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

export type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: T;
  /** Picks the current language's text of a `{ zh, en }` label; `fallback` when the label is missing. */
  l: (label: Label | undefined, fallback?: string) => string;
}

const I18nContext = createContext<I18n | null>(null);
let langRequests = 0;

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(currentLang);
  const setLang = useCallback((next: Lang) => {
    const ticket = ++langRequests;
    const apply = () => {
      currentLang = next;
      try {
        localStorage.setItem(STORAGE_KEY, next);
      } catch {
        // storage may be unavailable (private mode); the choice then lasts for the page only
      }
      document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
      setLangState(next);
    };
    if (dictionaries[next]) apply();
    // applied once its texts are here, unless another choice came in meanwhile
    else
      void loadLang(next).then(() => {
        if (ticket === langRequests) apply();
      });
  }, []);
  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key, vars) => translate(lang, key, vars),
      l: (label, fallback = '') => (label ? label[lang] : fallback),
    }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current language, its setter, `t()` for UI text and `l()` for `{ zh, en }` labels. */
export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
