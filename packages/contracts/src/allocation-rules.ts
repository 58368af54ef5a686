import { ModuleKey } from '@crmflow/flow';
import { z } from 'zod';

/** Quy tắc phân bổ: round robin over a group of users, for one module. */

export const AllocationRule = z
  .object({
    id: z.uuid(),
    module: ModuleKey,
    name: z.string(),
    userIds: z.array(z.uuid()).describe('The users records are handed to in turn; inactive ones are skipped'),
    active: z.boolean(),
    nextUserId: z
      .uuid()
      .nullable()
      .describe('Who the next record goes to (null when none of its users is active)'),
    createdAt: z.iso.datetime(),
  })
  .describe('Quy tắc phân bổ: round robin over a group of users, for one module');
export type AllocationRule = z.infer<typeof AllocationRule>;

/** `GET /allocation-rules`. */
export const AllocationRuleQuery = z.object({ module: ModuleKey.optional() });

export const AllocationRuleList = z.object({ items: z.array(AllocationRule) }).describe('The rules');
export type AllocationRuleList = z.infer<typeof AllocationRuleList>;

const RuleName = z.string().trim().min(1).max(200);
const RuleUserIds = z
  .array(z.uuid())
  .min(1)
  .max(500)
  .refine((ids) => new Set(ids).size === ids.length, 'Each user once');

/** `POST /allocation-rules`. */
export const NewAllocationRule = z.object({
  module: ModuleKey,
  name: RuleName,
  userIds: RuleUserIds,
  active: z.boolean().optional(),
});
export type NewAllocationRule = z.input<typeof NewAllocationRule>;

/** `PATCH /allocation-rules/:id`. */
export const AllocationRuleChanges = z.object({
  name: RuleName.optional(),
  userIds: RuleUserIds.optional(),
  active: z.boolean().optional(),
});
export type AllocationRuleChanges = z.input<typeof AllocationRuleChanges>;
