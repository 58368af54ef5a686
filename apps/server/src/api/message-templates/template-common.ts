import { ModuleKey } from '@crmflow/flow';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { authOf, requireRole } from '../../plugins/auth.ts';
import { errors, signedInErrors } from '../responses.ts';

/** Templates are read by everyone who builds flows, written by admins and managers. */
export const writeRoles = requireRole('admin', 'manager');

export const TemplateIdParams = z.object({ id: z.uuid() });
export const ModuleQuery = z.object({ module: ModuleKey.optional() });

export const readErrors = { ...signedInErrors, 404: errors[404] } as const;
export const writeErrors = { ...signedInErrors, 403: errors[403] } as const;
export const itemWriteErrors = { ...writeErrors, 404: errors[404] } as const;

export const timestampsOf = (row: { createdAt: Date; updatedAt: Date }) => ({
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

/** The value after a partial update: the change when one was sent, else what is stored. */
export const after = <T>(change: T | undefined, current: T): T => (change === undefined ? current : change);

/** Who and where a template request works: the caller's organization, in the caller's language. */
export const templateScope = (app: FastifyInstance, request: FastifyRequest) => ({
  db: app.database.db,
  orgId: authOf(request).organization.id,
  locale: request.locale,
});
