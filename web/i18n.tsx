import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from "react";
import type { Locale } from "./lib/locale";
import { zhCN, type MessageKey } from "./messages/zh-CN";

export type { Locale, MessageKey };

export type MessageVars = Record<string, string | number>;

type Messages = Record<MessageKey, string>;

// Chinese ships in the main bundle so the first paint never waits; English is a chunk of its own,
// fetched the first time a reader asks for it.
const loaders: Record<Locale, () => Promise<Messages>> = {
  zh: () => Promise.resolve(zhCN),
  en: async () => (await import("./messages/en")).en,
};

const loaded: Partial<Record<Locale, Messages>> = { zh: zhCN };
const loading = new Map<Locale, Promise<Messages>>();

function loadMessages(locale: Locale): Promise<Messages> {
  let pending = loading.get(locale);
  if (!pending) {
    pending = loaders[locale]().then(
      (messages) => (loaded[locale] = messages),
      (error: unknown) => {
        loading.delete(locale); // a later choice tries again
        throw error;
      },
    );
    loading.set(locale, pending);
  }
  return pending;
}

interface I18n {
  /** The language the page is shown in: while another one loads, still the previous one. */
  locale: Locale;
  /** The message in the reader's language, with `{name}` placeholders filled from `vars`. */
  t: (key: MessageKey, vars?: MessageVars) => string;
  setLocale: (locale: Locale) => void;
}

const I18nContext = createContext<I18n | null>(null);

const STORAGE_KEY = "nianbao.locale";

function initialLocale(): Locale {
  const param = new URLSearchParams(window.location.search).get("lang");
  if (param === "en" || param === "zh") return param;
  return window.localStorage.getItem(STORAGE_KEY) === "en" ? "en" : "zh";
}

export function I18nProvider({ children }: { children: ReactNode }) {
  // What the reader asked for last, and what the page shows: they differ while the asked-for messages
  // load. Each choice is a new object, so choosing again after a failed load tries again.
  const [chosen, setChosen] = useState(() => ({ locale: initialLocale() }));
  const [shown, setShown] = useState<Locale>(() => (loaded[chosen.locale] ? chosen.locale : "zh"));

  useEffect(() => {
    const { locale } = chosen;
    if (loaded[locale]) return;
    let current = true;
    loadMessages(locale).then(
      () => {
        if (current) setShown(locale);
      },
      // Offline, or a deploy replaced the chunk: the page stays in the language it shows.
      (error: unknown) => console.error(`Could not load the ${locale} messages`, error),
    );
    return () => {
      current = false;
    };
  }, [chosen]);

  useEffect(() => {
    document.documentElement.lang = shown === "zh" ? "zh-CN" : "en";
  }, [shown]);

  const setLocale = useCallback((next: Locale) => {
    window.localStorage.setItem(STORAGE_KEY, next);
    setChosen({ locale: next });
    if (loaded[next]) setShown(next);
  }, []);
  const value = useMemo<I18n>(() => {
    const messages = loaded[shown] ?? zhCN;
    return { locale: shown, setLocale, t: (key, vars) => fill(messages[key], vars) };
  }, [shown, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

function fill(template: string, vars?: MessageVars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n outside I18nProvider");
  return value;
}
