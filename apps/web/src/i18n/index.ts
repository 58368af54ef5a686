import { Locale } from '@crmflow/flow';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.ts';
import { vi } from './vi.ts';

export { Locale };

export const resources = { vi: { translation: vi }, en: { translation: en } } as const;

const storageKey = 'crmflow.locale';

/** The language the user picked last on this browser, Vietnamese when none. */
export function storedLocale(): Locale | null {
  const parsed = Locale.safeParse(globalThis.localStorage?.getItem(storageKey));
  return parsed.success ? parsed.data : null;
}

export function currentLocale(): Locale {
  const parsed = Locale.safeParse(i18next.language);
  return parsed.success ? parsed.data : 'vi';
}

export async function changeLocale(locale: Locale): Promise<void> {
  globalThis.localStorage?.setItem(storageKey, locale);
  document.documentElement.lang = locale;
  await i18next.changeLanguage(locale);
}

export function initI18n(locale: Locale = storedLocale() ?? 'vi'): typeof i18next {
  if (!i18next.isInitialized) {
    void i18next.use(initReactI18next).init({
      resources,
      lng: locale,
      fallbackLng: 'vi',
      interpolation: { escapeValue: false },
      returnNull: false,
      initAsync: false,
    });
  }
  document.documentElement.lang = locale;
  return i18next;
}
