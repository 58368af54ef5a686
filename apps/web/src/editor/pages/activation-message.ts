import type { TFunction } from 'i18next';
import { isApiError } from '../../api/client.ts';
import { graphProblems } from '../../workflows/notice.ts';

/**
 * What to say when activating or deactivating fails: the 10-per-module limit (409 `active_limit`,
 * in the server's words when it gave some), the role (403), or the graph's problems (422, one
 * line per problem the server listed).
 */
export function activationMessage(args: {
  error: unknown;
  t: TFunction;
  fallback: (error: unknown) => string;
}): { text: string; details?: string[] } {
  const { error, t, fallback } = args;
  if (!isApiError(error)) return { text: fallback(error) };
  if (error.status === 409 && error.code === 'active_limit') {
    return { text: error.message || t('editor.activation.activeLimit') };
  }
  if (error.status === 403) return { text: t('editor.activation.managersOnly') };
  if (error.status === 422) {
    return { text: t('editor.activation.invalid'), details: graphProblems(error.details) };
  }
  return { text: fallback(error) };
}
