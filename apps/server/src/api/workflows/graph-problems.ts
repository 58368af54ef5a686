import { inLocale, type Locale, render, ValidationCode, type ValidationError } from '@crmflow/flow';
import { z } from 'zod';
import { AppError } from '../../errors/app-error.ts';

/** One problem of a graph as the API tells it: where, a stable code, and a sentence. */
export const GraphProblem = z
  .object({
    nodeId: z.string().optional().describe('The step the problem is on'),
    edgeId: z.string().optional().describe('The connection the problem is on'),
    path: z
      .string()
      .optional()
      .describe('Where in the step, for integrations (`config.attachment.printTemplateId`)'),
    code: ValidationCode.describe('Stable machine code of the rule broken'),
    message: z
      .string()
      .describe('The problem in the caller’s language, naming the step and the setting, and how to fix it'),
  })
  .describe('One problem of a graph');
export type GraphProblem = z.infer<typeof GraphProblem>;

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
