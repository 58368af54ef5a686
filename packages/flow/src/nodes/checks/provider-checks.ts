import { text } from '../../messages/catalogue.ts';
import type { ConfigIssue } from '../../validate/validation-error.ts';
import { checkKnownId, requiredIssue } from './field-checks.ts';

type Path = (string | number)[];

/** The organization has none of the kind: the step cannot send until an admin adds one. */
export function noProviderIssue(path: Path): ConfigIssue {
  return { path, code: 'required', message: (setting) => text('config.no_provider', { field: setting }) };
}

/**
 * A step's provider: it must be chosen, and be one of the organization's (`known`; the check is
 * skipped while the list is not known). When the organization has none, the sentence says where
 * to add one rather than only "required".
 */
export function checkChosenProvider(args: {
  ref: string;
  known: readonly string[] | undefined;
  path: Path;
}): ConfigIssue[] {
  const { ref, known, path } = args;
  if (ref === '') return [known?.length === 0 ? noProviderIssue(path) : requiredIssue(path)];
  return checkKnownId({ known, id: ref, path, code: 'provider_unknown' });
}
