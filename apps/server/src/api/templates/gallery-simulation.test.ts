import {
  allocationRules,
  type Database,
  ensureGalleryTemplates,
  galleryTemplates,
  organizations,
  records,
  seedDemo,
  users,
} from '@crmflow/db';
import { openTestDatabase } from '@crmflow/db/testing';
import { simulateRun } from '@crmflow/engine';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthContext } from '../auth/auth-context.ts';
import { validateWorkflowGraph } from '../workflows/graph-validation.ts';
import { storedGraph } from '../workflows/workflow-graph.ts';
import { listTemplates, useTemplate } from './templates.service.ts';

/**
 * Every built-in template, used by the demo organization as the "Dùng mẫu" dialog would (its
 * defaults, an allocation rule made from its salespeople, the warehouse's webhook address), is a
 * valid flow that a seeded record takes from the trigger to every step.
 */
describe('built-in templates on the demo organization', () => {
  let database: Database;
  let auth: AuthContext;
  beforeAll(async () => {
    database = await openTestDatabase();
    await ensureGalleryTemplates(database.db);
    const seeded = await seedDemo(database, { adminEmail: 'admin@demo.vn', adminPassword: 'mat-khau-demo' });
    const [organization] = await database.db
      .select()
      .from(organizations)
      .where(eq(organizations.id, seeded.organizationId));
    const staff = await database.db.select().from(users).where(eq(users.orgId, seeded.organizationId));
    const admin = staff.find((user) => user.role === 'admin');
    if (!organization || !admin) throw new Error('The demo has an organization and an admin');
    auth = { user: admin, organization, via: 'token', sessionId: null };
    await database.db.insert(allocationRules).values({
      orgId: organization.id,
      module: 'lead',
      name: 'Nhóm kinh doanh',
      userIds: staff.filter((user) => user.role === 'member').map((user) => user.id),
    });
  }, 60_000);
  afterAll(() => database.close());

  it('offers every built-in template', async () => {
    const rows = await listTemplates({ db: database.db, orgId: auth.organization.id });
    expect(rows.filter((row) => row.orgId === null)).toHaveLength(galleryTemplates.length);
  });

  it.each(galleryTemplates.map((template) => [template.key]))(
    '%s: valid once used, and a seeded record runs through every step',
    async (key) => {
      const db = database.db;
      const rows = await listTemplates({ db, orgId: auth.organization.id });
      const template = rows.find((row) => row.key === key);
      if (!template) throw new Error(`No template ${key}`);
      const created = await useTemplate({
        db,
        auth,
        id: template.id,
        locale: 'vi',
        use: {
          choices: { '{{webhook:url}}': 'https://kho.example.vn/don-hang' },
          smsTemplates: {},
          emailTemplates: {},
        },
      });
      const graph = storedGraph(created.version.graph);
      const { errors } = await validateWorkflowGraph({
        db,
        orgId: auth.organization.id,
        module: template.module,
        kind: template.kind,
        graph,
      });
      expect(errors).toEqual([]);

      const candidates = await db
        .select({ id: records.id })
        .from(records)
        .where(and(eq(records.orgId, auth.organization.id), eq(records.module, template.module)));
      expect(candidates.length, `seeded ${template.module} records`).toBeGreaterThan(0);
      let best: Awaited<ReturnType<typeof simulateRun>> | null = null;
      for (const candidate of candidates) {
        const result = await simulateRun({
          db,
          orgId: auth.organization.id,
          workflowId: created.row.id,
          recordId: candidate.id,
        });
        if (!best || result.path.length > best.path.length) best = result;
        if (result.path.length === graph.nodes.length) break;
      }
      expect(best?.matched).toBe(true);
      for (const node of graph.nodes) {
        const step = best?.nodes[node.id];
        expect(step?.status, `${node.id}: ${step?.reason}`).toMatch(/^(matched|would_run)$/);
        expect(step?.reason.length, node.id).toBeGreaterThan(0);
      }
    },
    30_000,
  );
});
