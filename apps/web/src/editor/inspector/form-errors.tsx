import type { ValidationError } from '@crmflow/flow';
import { createContext, type ReactNode, useContext } from 'react';
import { useLocale } from '../../i18n/useLocale.ts';

interface FormErrors {
  errors: readonly ValidationError[];
  /** The node's title as messages begin with it, to leave out beside a field. */
  title: { vi: string; en: string };
}

const FormErrorsContext = createContext<FormErrors>({ errors: [], title: { vi: '', en: '' } });

/** The selected node's problems, for each control to pick those at its place in the config. */
export function FormErrorsProvider({ value, children }: { value: FormErrors; children: ReactNode }) {
  return <FormErrorsContext.Provider value={value}>{children}</FormErrorsContext.Provider>;
}

/**
 * Whether an error's path (`config.values.0.field`) falls at or under a control's place in the
 * config (`values.0`): `values.1` never takes `values.10`'s errors.
 */
export function errorIsAt(error: ValidationError, path: string): boolean {
  const full = `config.${path}`;
  return error.path === full || (error.path?.startsWith(`${full}.`) ?? false);
}

/** Messages of the errors at `path` in the user's language; the first error names the node already. */
export function useFieldErrors(path: string | undefined, options: { exact?: boolean } = {}): string[] {
  const { errors, title } = useContext(FormErrorsContext);
  const locale = useLocale();
  if (path === undefined) return [];
  const at = (error: ValidationError) =>
    options.exact ? error.path === `config.${path}` : errorIsAt(error, path);
  return errors.filter(at).map((error) => messageOf({ error, locale, title }));
}

/** Problems no control owns: of the node as a whole, its place in the graph, or its config root. */
export function generalErrors(errors: readonly ValidationError[]): ValidationError[] {
  return errors.filter((error) => !error.path?.startsWith('config.'));
}

/**
 * An error's message in the language, without the node's title it begins with when given one.
 * The title is the label and the node's id or its name (`Giao nhiệm vụ "Gọi khách": …`), whatever
 * the name was when the graph was checked, so the label is what is matched.
 */
export function messageOf(args: {
  error: ValidationError;
  locale: 'vi' | 'en';
  title?: { vi: string; en: string };
}): string {
  const { error, locale, title } = args;
  const text = locale === 'vi' ? error.message : error.messageEn;
  const label = title?.[locale];
  if (!label || !text.startsWith(`${label} `)) return text;
  const rest = text.slice(label.length + 1);
  const named = rest.startsWith('(')
    ? rest.indexOf('): ') + 1
    : rest.startsWith('"')
      ? rest.indexOf('": ') + 1
      : 0;
  if (named <= 0) return text;
  const own = rest.slice(named + 2);
  return `${own.charAt(0).toLocaleUpperCase(locale)}${own.slice(1)}`;
}
