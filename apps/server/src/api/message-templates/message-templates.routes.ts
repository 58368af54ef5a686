import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { emailTemplatesRoutes } from './email-templates.routes.ts';
import { printTemplatesRoutes } from './print-templates.routes.ts';
import { smsTemplatesRoutes } from './sms-templates.routes.ts';
import { znsTemplatesRoutes } from './zns-templates.routes.ts';

/** Email, SMS, Zalo ZNS and print templates: members read them, admins and managers write them. */
export const messageTemplatesRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(emailTemplatesRoutes);
  await app.register(smsTemplatesRoutes);
  await app.register(znsTemplatesRoutes);
  await app.register(printTemplatesRoutes);
};
