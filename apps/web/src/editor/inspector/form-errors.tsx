import { inLocale, type Locale, type ValidationError } from '@crmflow/flow';
import { createContext, type ReactNode, useContext } from 'react';
import { useLocale } from '../../i18n/useLocale.ts';

interface FormErrors {
  errors: readonly ValidationError[];
}

const FormErrorsContext = createContext<FormErrors>({ errors: [] });

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

/** The errors at `path` in the user's language, without the step's name the inspector shows already. */
export function useFieldErrors(path: string | undefined, options: { exact?: boolean } = {}): string[] {
  const { errors } = useContext(FormErrorsContext);
  const locale = useLocale();
  if (path === undefined) return [];
  const at = (error: ValidationError) =>
    options.exact ? error.path === `config.${path}` : errorIsAt(error, path);
  return errors.filter(at).map((error) => inStep(error, locale));
}

/** Problems no control owns: of the node as a whole, its place in the graph, or its config root. */
export function generalErrors(errors: readonly ValidationError[]): ValidationError[] {
  return errors.filter((error) => !error.path?.startsWith('config.'));
}

/** An error's sentence naming its step ("Bước 'Gửi email': chưa nhập tiêu đề email."), for lists of the flow. */
export function messageOf(error: ValidationError, locale: Locale): string {
  return inLocale(locale, error.message);
}

/** The same sentence without the step's name, for inside that step's inspector. */
export function inStep(error: ValidationError, locale: Locale): string {
  return inLocale(locale, error.problem);
}
