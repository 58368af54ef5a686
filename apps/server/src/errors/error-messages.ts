import { type Param, renderCode } from '@crmflow/flow';
import type { Locale } from '../i18n/locale.ts';
import type { ErrorCode } from './app-error.ts';

/** An error code's message in the caller's language, from the catalogue's `error.*` texts. */
export function errorMessage(
  code: ErrorCode,
  locale: Locale,
  params: Readonly<Record<string, Param>> = {},
): string {
  return renderCode(locale, `error.${code}`, params);
}
