import type { WorkAppList } from '@crmflow/engine';
import { deliveryFailureMessages } from '@crmflow/flow/messaging';
import type { Locale } from '../../i18n/locale.ts';

export type WorkAppProblem = Extract<WorkAppList, { ok: false }>['code'];

const badAnswer = {
  vi: 'Ứng dụng trả lời không đúng dạng danh sách { id, name }',
  en: 'The app did not answer with a list of { id, name }',
};

/** Why a work app's list could not be read, in plain words first and the app's own after. */
export function workAppProblemText(args: { code: WorkAppProblem; error: string; locale: Locale }): string {
  const plain = args.code === 'bad_answer' ? badAnswer : deliveryFailureMessages[args.code];
  const said = args.locale === 'en' ? 'details' : 'chi tiết';
  const text = plain[args.locale];
  // It follows "Could not get the data from the provider: ".
  return `${text.charAt(0).toLowerCase()}${text.slice(1)} (${said}: ${args.error})`;
}
