import type { WorkAppList } from '@crmflow/engine';
import { render, text, uncapitalise } from '@crmflow/flow';
import { deliveryFailureMessages } from '@crmflow/flow/messaging';
import type { Locale } from '../../i18n/locale.ts';

export type WorkAppProblem = Extract<WorkAppList, { ok: false }>['code'];

/** Why a work app's list could not be read, in plain words first and the app's own after. */
export function workAppProblemText(args: { code: WorkAppProblem; error: string; locale: Locale }): string {
  const plain =
    args.code === 'bad_answer'
      ? text('settings.work_app_bad_answer', { shape: '{ id, name }' })
      : deliveryFailureMessages[args.code];
  // It follows "Could not get the data from the provider: ".
  return render(args.locale, 'settings.with_details', { problem: uncapitalise(plain), details: args.error });
}
