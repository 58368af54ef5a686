import {
  type AllocationRule,
  AllocationRuleList,
  type EmailTemplate,
  EmailTemplateList,
  type PrintTemplate,
  PrintTemplateList,
  ProviderList,
  type ProviderView,
  type SmsTemplate,
  SmsTemplateList,
  type ZnsTemplate,
  ZnsTemplateList,
} from '@crmflow/contracts';
import type { ModuleKey, ValidationContext } from '@crmflow/flow';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiRequest, isApiError } from './client.ts';

/**
 * What the editor's pickers choose from: providers, message templates, allocation rules. A list
 * whose route is missing (404) reads as empty and unknown, so validation skips the checks it
 * would feed instead of calling every id unknown.
 */

export type Provider = ProviderView;
/** An email, SMS or print template, as the pickers list them. */
export type MessageTemplate = EmailTemplate | SmsTemplate | PrintTemplate;
export type { AllocationRule, ZnsTemplate } from '@crmflow/contracts';

const messageTemplateLists = {
  email: EmailTemplateList,
  sms: SmsTemplateList,
  print: PrintTemplateList,
} as const;

export interface PickerList<T> {
  items: T[];
  /** False while loading, and when the server has no such list: checks against it are skipped. */
  known: boolean;
}

function usePickerList<T>(args: {
  path: string;
  query?: Record<string, string>;
  schema: z.ZodType<{ items: T[] }>;
}) {
  const { schema } = args;
  const result = useQuery({
    queryKey: ['editor-lists', args.path, args.query ?? {}],
    queryFn: async ({ signal }): Promise<PickerList<T>> => {
      try {
        const list = await apiRequest({
          path: args.path,
          ...(args.query ? { query: args.query } : {}),
          schema,
          signal,
        });
        return { items: list.items, known: true };
      } catch (error) {
        if (isApiError(error) && error.status === 404) return { items: [], known: false };
        throw error;
      }
    },
    staleTime: 60_000,
  });
  return result.data ?? { items: [], known: false };
}

export function useProviders(): PickerList<Provider> {
  return usePickerList({ path: '/api/providers', schema: ProviderList });
}

export function useMessageTemplates(args: {
  kind: 'email' | 'sms' | 'print';
  module: ModuleKey;
}): PickerList<MessageTemplate> {
  return usePickerList<MessageTemplate>({
    path: `/api/${args.kind}-templates`,
    query: { module: args.module },
    schema: messageTemplateLists[args.kind],
  });
}

export function useZnsTemplates(): PickerList<ZnsTemplate> {
  return usePickerList({ path: '/api/zns-templates', schema: ZnsTemplateList });
}

export function useAllocationRules(module: ModuleKey): PickerList<AllocationRule> {
  const list = usePickerList({
    path: '/api/allocation-rules',
    query: { module },
    schema: AllocationRuleList,
  });
  return { ...list, items: list.items.filter((rule) => rule.module === module) };
}

/** The organization's data the graph may point at, for live validation: only the lists known. */
export function validationContextOf(lists: {
  userIds?: string[] | undefined;
  providers: PickerList<Provider>;
  emailTemplates: PickerList<MessageTemplate>;
  smsTemplates: PickerList<MessageTemplate>;
  printTemplates: PickerList<MessageTemplate>;
  znsTemplates: PickerList<ZnsTemplate>;
  allocationRules: PickerList<AllocationRule>;
}): ValidationContext {
  const ids = <T extends { id: string }>(list: PickerList<T>) =>
    list.known ? list.items.map((item) => item.id) : undefined;
  const ofKind = (kind: string) =>
    lists.providers.known
      ? lists.providers.items.filter((item) => item.kind === kind).map((item) => item.id)
      : undefined;
  return {
    userIds: lists.userIds,
    emailTemplateIds: ids(lists.emailTemplates),
    smsTemplateIds: ids(lists.smsTemplates),
    printTemplateIds: ids(lists.printTemplates),
    allocationRuleIds: lists.allocationRules.known
      ? lists.allocationRules.items.filter((rule) => rule.active).map((rule) => rule.id)
      : undefined,
    emailProviders: ofKind('email'),
    smsProviders: ofKind('sms'),
    znsProviders: ofKind('zns'),
    workAppProviders: ofKind('workapp'),
    webhookEndpoints: lists.providers.known
      ? lists.providers.items
          .filter((item) => item.kind === 'webhook')
          .map((item) => ({
            id: item.id,
            url: typeof item.config?.url === 'string' ? item.config.url : '',
            isDefault: item.isDefault === true,
          }))
      : undefined,
    znsTemplates: lists.znsTemplates.known
      ? lists.znsTemplates.items.map((template) => ({ id: template.id, params: template.params }))
      : undefined,
  };
}
