import { z } from 'zod';
import type { Text } from '../messages/locale.ts';
import { ZnsParam } from '../messaging/zns-params.ts';

/** Stable codes the canvas and the API (422 details) key on; messages may change, codes not. */
export const ValidationCode = z.enum([
  'graph_invalid',
  'node_duplicate_id',
  'edge_duplicate_id',
  'node_type_unknown',
  'trigger_missing',
  'trigger_multiple',
  'trigger_kind_mismatch',
  'action_missing',
  'edge_into_trigger',
  'edge_missing_node',
  'edge_duplicate',
  'cycle',
  'unreachable',
  'condition_handle_missing',
  'handle_not_allowed',
  'node_not_allowed_module',
  'node_not_allowed_kind',
  'config_invalid',
  'required',
  'field_unknown',
  'field_type_mismatch',
  'field_not_updatable',
  'field_duplicate',
  'picklist_value_unknown',
  'value_invalid',
  'operator_not_allowed',
  'operator_not_for_kind',
  'condition_empty',
  'reference_field_expected',
  'merge_field_unknown',
  'recipients_missing',
  'user_unknown',
  'template_unknown',
  'allocation_rule_unknown',
  'provider_unknown',
  'product_unknown',
  'zns_param_missing',
  'zns_param_unknown',
  'zns_param_too_long',
  'zns_param_type',
]);
export type ValidationCode = z.infer<typeof ValidationCode>;

const TextSchema = z.object({ vi: z.string(), en: z.string() });

/**
 * One problem, placed on a node or an edge; `path` points into the node (`config.values.0.field`).
 * `message` is the whole sentence, naming the step ("Bước 'Gửi email': chưa nhập tiêu đề email.");
 * `problem` the same without the step's name, for beside the setting it is about.
 */
export const ValidationError = z.object({
  nodeId: z.string().optional(),
  edgeId: z.string().optional(),
  path: z.string().optional(),
  code: ValidationCode,
  message: TextSchema,
  problem: TextSchema,
});
export type ValidationError = z.infer<typeof ValidationError>;

export interface ValidationResult {
  ok: boolean;
  errors: ValidationError[];
}

/** A pre-approved ZNS template: its params are typed and capped in length by Zalo. */
export const ZnsTemplateSpec = z.object({ id: z.string(), params: z.array(ZnsParam) });
export type ZnsTemplateSpec = z.infer<typeof ZnsTemplateSpec>;

/**
 * What the organization has, for checks that need more than the graph. Every list is
 * optional: when one is missing its check is skipped (the SPA may validate before loading).
 */
export const ValidationContext = z.object({
  userIds: z.array(z.string()).optional(),
  allocationRuleIds: z.array(z.string()).optional(),
  emailTemplateIds: z.array(z.string()).optional(),
  smsTemplateIds: z.array(z.string()).optional(),
  printTemplateIds: z.array(z.string()).optional(),
  znsTemplates: z.array(ZnsTemplateSpec).optional(),
  emailProviders: z.array(z.string()).optional(),
  smsProviders: z.array(z.string()).optional(),
  znsProviders: z.array(z.string()).optional(),
  productIds: z.array(z.string()).optional(),
  careCardLayouts: z.array(z.string()).optional(),
  /** Work apps tasks may be synced to. */
  workAppProviders: z.array(z.string()).optional(),
  /** Webhook endpoint providers: which one is the default, and the URL each posts to. */
  webhookEndpoints: z.array(z.object({ id: z.string(), url: z.string(), isDefault: z.boolean() })).optional(),
  /** Lets webhooks reach private networks (an organization setting, off by default). */
  allowPrivateWebhooks: z.boolean().optional(),
});
export type ValidationContext = z.infer<typeof ValidationContext>;

/**
 * How a setting of a step is named in sentences ("mẫu in để đính kèm" / "the print template to
 * attach"); `pick` when it is chosen from a list rather than typed.
 */
export type SettingLabel = Text & { pick?: boolean };

/**
 * A problem inside one node's config, before the validator names the node: `path` is relative
 * to the config; `message` is the sentence after the node's name, or made from the label the
 * node's declaration gives the setting at `path`.
 */
export interface ConfigIssue {
  path: (string | number)[];
  code: ValidationCode;
  message: Text | ((setting: SettingLabel) => Text);
}
