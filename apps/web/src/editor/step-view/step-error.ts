import { z } from 'zod';
import type { Locale } from '../../i18n/index.ts';

/** One recipient of a messaging step, as the engine reports it. */
export const RecipientReport = z.object({
  to: z.string().default(''),
  source: z.string().default(''),
  status: z.string(),
  outboxId: z.string().optional(),
  code: z.string().optional(),
  error: z.string().optional(),
  httpStatus: z.number().optional(),
});
export type RecipientReport = z.infer<typeof RecipientReport>;

const StepErrorShape = z.object({
  code: z.string(),
  message: z.string(),
  details: z
    .object({
      vi: z.string().optional(),
      en: z.string().optional(),
      cause: z.string().optional(),
      httpStatus: z.number().optional(),
      recipients: z.array(RecipientReport).optional(),
    })
    .nullish()
    .catch(null),
});

/** The settings pages a run error can send the user to, to fix what failed. */
export const helpPaths = {
  providers: '/settings/providers',
  organization: '/settings/organization',
  messageTemplates: '/settings/message-templates',
  printTemplates: '/settings/print-templates',
  allocationRules: '/settings/allocation-rules',
  users: '/settings/users',
} as const;
export type HelpPage = keyof typeof helpPaths;

/** A step's error as a person reads it: the sentence in their language and where to fix it. */
export type StepErrorView = {
  code: string;
  text: string;
  help: HelpPage | null;
  recipients: RecipientReport[];
};

const causePages: Record<string, HelpPage> = {
  auth: 'providers',
  network: 'providers',
  misconfigured: 'providers',
  invalid_url: 'providers',
  redirect: 'providers',
  rejected: 'providers',
  private_address: 'organization',
};

const codePages: Record<string, HelpPage> = {
  provider_missing: 'providers',
  misconfigured: 'providers',
  rule_not_found: 'allocationRules',
  no_active_user: 'allocationRules',
  user_inactive: 'users',
};

function helpOf(args: { code: string; cause: string | undefined; nodeType: string }): HelpPage | null {
  const { code, cause, nodeType } = args;
  if (code === 'delivery_failed') return (cause && causePages[cause]) || null;
  if (code === 'template_missing') return nodeType === 'create_task' ? 'printTemplates' : 'messageTemplates';
  return codePages[code] ?? null;
}

/**
 * Reads a stored step error: the engine keeps the sentence in both languages in `details`
 * (`message` is in the organization's language), so the reader gets theirs; older errors
 * without both fall back to `message`.
 */
export function readStepError(args: {
  error: unknown;
  locale: Locale;
  nodeType: string;
}): StepErrorView | null {
  const parsed = StepErrorShape.safeParse(args.error);
  if (!parsed.success) return null;
  const { code, message, details } = parsed.data;
  return {
    code,
    text: details?.[args.locale] || message,
    help: helpOf({ code, cause: details?.cause, nodeType: args.nodeType }),
    recipients: details?.recipients ?? [],
  };
}
