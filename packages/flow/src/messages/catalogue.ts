import { configMessages } from './config-messages.ts';
import { fill, type Param, type Placeholders } from './define-catalogue.ts';
import { deliveryMessages } from './delivery-messages.ts';
import { graphMessages } from './graph-messages.ts';
import type { Locale, Text } from './locale.ts';
import { runMessages, simulationMessages, stepMessages } from './run-messages.ts';
import { recordMessages, wordMessages, znsMessages } from './value-messages.ts';

/**
 * Every text the flow package produces for people, keyed by a stable code, in both languages.
 * Codes are namespaced by what they are about (`validation.`, `config.`, `record.`, `zns.`).
 */
export const messages = {
  ...graphMessages,
  ...configMessages,
  ...recordMessages,
  ...znsMessages,
  ...wordMessages,
  ...runMessages,
  ...stepMessages,
  ...simulationMessages,
  ...deliveryMessages,
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
