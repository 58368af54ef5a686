import { auditLog, type Executor } from '@crmflow/db';

/** Who changed users and tokens, and how: kept for admins, never shown to other organizations. */
export async function audit(
  db: Executor,
  entry: {
    orgId: string;
    actorId: string | null;
    action: string;
    entity: 'user' | 'api_token' | 'organization' | 'field' | 'workflow' | 'allocation_rule' | 'template';
    entityId: string | null;
    details?: Record<string, unknown>;
  },
): Promise<void> {
  await db.insert(auditLog).values({ ...entry, details: entry.details ?? {} });
}
