import { ModuleKey } from '@crmflow/flow';
import { z } from 'zod';

const Bilingual = z.object({ vi: z.string(), en: z.string() });

/** The warnings of a flow against the organization's active flows; never an error. */
export const FlowConflict = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('same_field'),
      field: z.string(),
      module: ModuleKey,
      otherWorkflowId: z.string(),
      otherWorkflowName: z.string(),
      winnerWorkflowId: z.string().describe('The flow whose value is kept: it runs later by priority order'),
      nodeIds: z.array(z.string()),
      text: Bilingual,
    }),
    z.object({
      kind: z.literal('cycle'),
      chain: z
        .array(
          z.object({
            workflowId: z.string(),
            workflowName: z.string(),
            nodeId: z.string(),
            module: ModuleKey,
            fields: z.array(z.string()),
          }),
        )
        .describe('Each flow’s step that writes the fields starting the next flow; the last starts this one'),
      nodeIds: z.array(z.string()),
      text: Bilingual,
    }),
    z.object({
      kind: z.literal('never_fires'),
      field: z.string(),
      rules: z.array(z.unknown()).describe('The condition rules that cannot all hold'),
      nodeIds: z.array(z.string()),
      text: Bilingual,
    }),
  ])
  .describe('A warning: saving and activating go ahead');
export type FlowConflict = z.infer<typeof FlowConflict>;
