import type { GraphProblem } from '@crmflow/contracts';
import { inLocale, type Locale, render, type ValidationError } from '@crmflow/flow';
import { AppError } from '../../errors/app-error.ts';

export function graphProblem(error: ValidationError, locale: Locale): GraphProblem {
  const { nodeId, edgeId, path, code } = error;
  return {
    ...(nodeId === undefined ? {} : { nodeId }),
    ...(edgeId === undefined ? {} : { edgeId }),
    ...(path === undefined ? {} : { path }),
    code,
    message: inLocale(locale, error.message),
  };
}

/** The first problem's sentence, with how many there are when there are more. */
export function graphProblemsMessage(errors: readonly ValidationError[], locale: Locale): string {
  const [first] = errors;
  if (!first) return '';
  if (errors.length === 1) return inLocale(locale, first.message);
  return render(locale, 'validation.summary', { count: errors.length, first: first.message });
}

/** 422 `invalid_graph`: its message is the first problem in words, `details` every problem. */
export function invalidGraph(errors: readonly ValidationError[]): AppError {
  if (errors.length === 0) return new AppError('invalid_graph');
  return new AppError('invalid_graph', {
    localized: (locale) => ({
      message: graphProblemsMessage(errors, locale),
      details: errors.map((error) => graphProblem(error, locale)),
    }),
  });
}
