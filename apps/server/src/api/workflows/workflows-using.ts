import type { WorkflowUse } from '@crmflow/contracts';
import { type Executor, workflows, workflowVersions } from '@crmflow/db';
import { and, asc, eq, sql } from 'drizzle-orm';

/**
 * Workflows whose current graph matches a SQL/JSON path (`vars` are its `$name` variables, so
 * ids never enter the path text). Active ones first, then by name.
 */
export async function workflowsUsing(args: {
  db: Executor;
  orgId: string;
  path: string;
  vars: Record<string, string>;
  activeOnly?: boolean;
}): Promise<WorkflowUse[]> {
  return args.db
    .select({
      id: workflows.id,
      name: workflows.name,
      module: workflows.module,
      kind: workflows.kind,
      status: workflows.status,
    })
    .from(workflows)
    .innerJoin(workflowVersions, eq(workflowVersions.id, workflows.currentVersionId))
    .where(
      and(
        eq(workflows.orgId, args.orgId),
        args.activeOnly ? eq(workflows.status, 'active') : undefined,
        sql`jsonb_path_exists(${workflowVersions.graph}, ${args.path}::jsonpath, ${JSON.stringify(args.vars)}::jsonb)`,
      ),
    )
    .orderBy(sql`${workflows.status} = 'active' desc`, asc(workflows.name));
}
