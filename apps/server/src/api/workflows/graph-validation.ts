import {
  allocationRules,
  type Executor,
  emailTemplates,
  organizations,
  printTemplates,
  providers,
  records,
  smsTemplates,
  users,
  znsTemplates,
} from '@crmflow/db';
import {
  type FlowGraph,
  type ModuleKey,
  type ValidationContext,
  type ValidationResult,
  validateGraph,
  type WorkflowKind,
} from '@crmflow/flow';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { loadModuleCatalog } from './module-catalog.ts';

/** Product ids the graph names (care cards for chosen products): only those are looked up. */
function productIdsIn(graph: FlowGraph): string[] {
  const ids = graph.nodes.flatMap((node) => {
    const chosen = node.type === 'add_care_card' ? node.config.productIds : undefined;
    return Array.isArray(chosen) ? chosen.filter((id): id is string => typeof id === 'string') : [];
  });
  return [...new Set(ids)];
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What the organization has that a graph may point at: users, allocation rules and templates of
 * the module, providers, ZNS templates, the products it names. Queries run one after another:
 * the embedded database serves one statement at a time anyway.
 */
export async function loadValidationContext(args: {
  db: Executor;
  orgId: string;
  module: ModuleKey;
  graph: FlowGraph;
}): Promise<ValidationContext> {
  const { db, orgId, module, graph } = args;
  const ids = <T extends { id: string }>(rows: T[]) => rows.map((row) => row.id);
  const userIds = ids(await db.select({ id: users.id }).from(users).where(eq(users.orgId, orgId)));
  const allocationRuleIds = ids(
    await db
      .select({ id: allocationRules.id })
      .from(allocationRules)
      .where(
        and(
          eq(allocationRules.orgId, orgId),
          eq(allocationRules.module, module),
          eq(allocationRules.active, true),
        ),
      ),
  );
  const emailTemplateIds = ids(
    await db
      .select({ id: emailTemplates.id })
      .from(emailTemplates)
      .where(and(eq(emailTemplates.orgId, orgId), eq(emailTemplates.module, module))),
  );
  const smsTemplateIds = ids(
    await db
      .select({ id: smsTemplates.id })
      .from(smsTemplates)
      .where(and(eq(smsTemplates.orgId, orgId), eq(smsTemplates.module, module))),
  );
  const printTemplateIds = ids(
    await db
      .select({ id: printTemplates.id })
      .from(printTemplates)
      .where(and(eq(printTemplates.orgId, orgId), eq(printTemplates.module, module))),
  );
  const zns = await db
    .select({ id: znsTemplates.id, params: znsTemplates.params })
    .from(znsTemplates)
    .where(eq(znsTemplates.orgId, orgId));
  const channels = await db
    .select({ id: providers.id, kind: providers.kind })
    .from(providers)
    .where(eq(providers.orgId, orgId));
  const ofKind = (kind: string) => channels.filter((row) => row.kind === kind).map((row) => row.id);
  const [organization] = await db
    .select({ settings: organizations.settings })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  const named = productIdsIn(graph).filter((id) => uuidPattern.test(id));
  const productIds =
    named.length === 0
      ? []
      : ids(
          await db
            .select({ id: records.id })
            .from(records)
            .where(
              and(
                eq(records.orgId, orgId),
                eq(records.module, 'product'),
                inArray(records.id, named),
                isNull(records.deletedAt),
              ),
            ),
        );
  return {
    userIds,
    allocationRuleIds,
    emailTemplateIds,
    smsTemplateIds,
    printTemplateIds,
    znsTemplates: zns,
    emailProviders: ofKind('email'),
    smsProviders: ofKind('sms'),
    znsProviders: ofKind('zns'),
    productIds,
    allowPrivateWebhooks: organization?.settings.allowPrivateNetwork === true,
  };
}

/** The graph checked against the organization's fields and data, as activation requires. */
export async function validateWorkflowGraph(args: {
  db: Executor;
  orgId: string;
  module: ModuleKey;
  kind: WorkflowKind;
  graph: FlowGraph;
}): Promise<ValidationResult> {
  const catalog = await loadModuleCatalog(args.db, args.orgId);
  const context = await loadValidationContext(args);
  return validateGraph({ graph: args.graph, module: args.module, kind: args.kind, catalog, context });
}
