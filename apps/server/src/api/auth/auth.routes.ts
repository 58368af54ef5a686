import { LoginBody, SignedIn as SignedInBody, SignupBody } from '@crmflow/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../errors/app-error.ts';
import { clearSessionCookie, presentedToken, setSessionCookie } from '../../plugins/auth.ts';
import { errors, NoContent } from '../responses.ts';
import { login, type SignedIn, signup } from './auth.service.ts';
import { toOrganization, toUser } from './auth-context.ts';
import { admitSignup } from './login-limit.ts';
import { deleteSession } from './sessions.service.ts';

const signedInBody = (signedIn: SignedIn) => ({
  token: signedIn.token,
  user: toUser(signedIn.user),
  organization: toOrganization(signedIn.organization),
});

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/auth/signup',
    {
      config: { public: true },
      schema: {
        summary: 'Create an organization and its first admin',
        tags: ['auth'],
        body: SignupBody,
        response: { 201: SignedInBody, 400: errors[400], 403: errors[403], 409: errors[409] },
      },
    },
    async (request, reply) => {
      if (!app.config.signup) throw new AppError('signup_disabled');
      await admitSignup(app.database.db, request.ip, app.config.signupLimit);
      const signedIn = await signup(app.database.db, request.body);
      setSessionCookie(reply, signedIn.token);
      return reply.code(201).send(signedInBody(signedIn));
    },
  );

  app.post(
    '/auth/login',
    {
      config: { public: true },
      schema: {
        summary: 'Sign in with email and password',
        tags: ['auth'],
        body: LoginBody,
        response: { 200: SignedInBody, 400: errors[400], 401: errors[401], 429: errors[429] },
      },
    },
    async (request, reply) => {
      const signedIn = await login(app.database.db, { ...request.body, ip: request.ip });
      setSessionCookie(reply, signedIn.token);
      return signedInBody(signedIn);
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { public: true },
      schema: {
        summary: 'Sign out: ends the session and clears the cookie',
        tags: ['auth'],
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      const token = presentedToken(request);
      if (token && !token.startsWith('crm_')) await deleteSession(app.database.db, token);
      clearSessionCookie(reply);
      return reply.code(204).send();
    },
  );
};
