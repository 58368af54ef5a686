import { useTranslation } from 'react-i18next';
import { changeLocale, type Locale } from '../i18n/index.ts';

const locales: Locale[] = ['vi', 'en'];

/** Two-way switch between Vietnamese and English; the choice is kept on this browser. */
export function LanguageSwitch({ onChange }: { onChange?: (locale: Locale) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <fieldset className="segmented">
      <legend className="visually-hidden">{t('language.label')}</legend>
      {locales.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          className="segmented__option"
          aria-pressed={i18n.language === locale}
          onClick={() => {
            void changeLocale(locale);
            onChange?.(locale);
          }}
        >
          {t(`language.${locale}`)}
        </button>
      ))}
    </fieldset>
  );
}
