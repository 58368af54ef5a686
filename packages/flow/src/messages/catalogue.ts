import { adviceMessages } from './advice-messages.ts';
import { configMessages } from './config-messages.ts';
import { fill, type Param, type Placeholders } from './define-catalogue.ts';
import { errorMessages } from './error-messages.ts';
import {
  conflictMessages,
  deliveryMessages,
  operatorMessages,
  phoneMessages,
  triggerMessages,
} from './flow-messages.ts';
import { formMessages } from './form-messages.ts';
import { graphMessages } from './graph-messages.ts';
import { labelMessages } from './label-messages.ts';
import type { Locale, Text } from './locale.ts';
import { requestMessages, settingsMessages } from './request-messages.ts';
import { runMessages, simulationMessages, stepMessages } from './run-messages.ts';
import { summaryMessages } from './summary-messages.ts';
import { recordMessages, wordMessages, znsMessages } from './value-messages.ts';

/**
 * Every text the flow package and the server produce for people, keyed by a stable code, in both
 * languages. Codes are namespaced by what they are about: a flow's problems (`validation.`,
 * `config.`, `label.`), record values (`record.`, `zns.`, `word.`), what steps say (`summary.`,
 * `operator.`, `trigger.`, `conflict.`), deliveries (`delivery.`, `phone.`), and the API
 * (`error.<code>` for its errors, `request.` for a request's fields, `settings.` for its answers),
 * the editor's forms (`form.`), and what runs say (`run.`, `step.`, `simulation.`, and `advice.` for
 * what to do about a message that failed).
 */
export const messages = {
  ...graphMessages,
  ...configMessages,
  ...labelMessages,
  ...recordMessages,
  ...znsMessages,
  ...wordMessages,
  ...operatorMessages,
  ...triggerMessages,
  ...deliveryMessages,
  ...phoneMessages,
  ...conflictMessages,
  ...summaryMessages,
  ...errorMessages,
  ...requestMessages,
  ...settingsMessages,
  ...formMessages,
  ...runMessages,
  ...stepMessages,
  ...simulationMessages,
  ...adviceMessages,
};

export type MessageCode = keyof typeof messages;

/** The parameters a code's sentence takes: one per `{placeholder}`, none for a plain sentence. */
export type MessageParams<Code extends MessageCode> = {
  [Name in Placeholders<(typeof messages)[Code]['vi']>]: Param;
};

/** `[]` for a code without parameters, `[params]` otherwise: a wrong or missing one is a type error. */
export type ParamsArg<Code extends MessageCode> = [keyof MessageParams<Code>] extends [never]
  ? []
  : [params: MessageParams<Code>];

/** The codes whose sentence takes no parameters. */
export type PlainCode = { [Code in MessageCode]: ParamsArg<Code> extends [] ? Code : never }[MessageCode];

/** A code's sentence in both languages, its parameters filled in. */
export function text<Code extends MessageCode>(code: Code, ...args: ParamsArg<Code>): Text {
  const entry = messages[code];
  const params: Readonly<Record<string, Param>> = args[0] ?? {};
  return { vi: fill(entry.vi, 'vi', params), en: fill(entry.en, 'en', params) };
}

/** A code's sentence in one language. */
export function render<Code extends MessageCode>(
  locale: Locale,
  code: Code,
  ...args: ParamsArg<Code>
): string {
  return text(code, ...args)[locale];
}

/**
 * A code chosen at run time, in one language. Its parameters are checked where they are given
 * (an API error's code and parameters travel apart until the response is written), not here.
 */
export function renderCode(
  locale: Locale,
  code: MessageCode,
  params: Readonly<Record<string, Param>>,
): string {
  return fill(messages[code][locale], locale, params);
}

/** A text's first letter in capitals, for a sentence fragment shown on its own. */
export function capitalise(text: Text): Text {
  const up = (value: string, locale: Locale) =>
    `${value.charAt(0).toLocaleUpperCase(locale)}${value.slice(1)}`;
  return { vi: up(text.vi, 'vi'), en: up(text.en, 'en') };
}

/** A sentence's first letter in small letters, to go on after a colon. */
export function uncapitalise(text: Text): Text {
  const down = (value: string, locale: Locale) =>
    `${value.charAt(0).toLocaleLowerCase(locale)}${value.slice(1)}`;
  return { vi: down(text.vi, 'vi'), en: down(text.en, 'en') };
}
