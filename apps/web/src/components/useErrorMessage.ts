import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client.ts';

const knownCodes = [
  'network',
  'invalid_credentials',
  'rate_limited',
  'forbidden',
  'not_found',
  'version_conflict',
  'unauthorized',
] as const;
type KnownCode = (typeof knownCodes)[number];

const isKnown = (code: string): code is KnownCode => knownCodes.some((known) => known === code);

/**
 * The sentence to show for an error: our own wording for the codes the UI reacts to, otherwise the
 * server's message (already in the caller's language, from Accept-Language).
 */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error) => {
    if (!isApiError(error)) return t('errors.generic');
    if (isKnown(error.code)) return t(`errors.${error.code}`);
    if (error.status === 429) return t('errors.rate_limited');
    if (error.status === 401) return t('errors.unauthorized');
    return error.message || t('errors.generic');
  };
}
