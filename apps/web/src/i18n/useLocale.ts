import { useTranslation } from 'react-i18next';
import { Locale } from './index.ts';

/** The current language; components that use it re-render when it changes. */
export function useLocale(): Locale {
  const { i18n } = useTranslation();
  const parsed = Locale.safeParse(i18n.language);
  return parsed.success ? parsed.data : 'vi';
}
