import { z } from 'zod';
import { ErrorBody } from '../errors/app-error.ts';

/** Documented error responses, all with the one error body; routes list those they can answer. */
export const errors = {
  400: ErrorBody.describe('Invalid input; `details` names each field: [{ field, message }]'),
  401: ErrorBody.describe('Not signed in'),
  403: ErrorBody.describe('The caller’s role may not do this'),
  404: ErrorBody.describe('Not found (also for another organization’s ids)'),
  409: ErrorBody.describe('Conflict with the current state'),
  429: ErrorBody.describe('Too many attempts'),
  502: ErrorBody.describe('A provider we asked did not answer usefully'),
} as const;

/** What every route behind sign-in can answer besides its success. */
export const signedInErrors = { 400: errors[400], 401: errors[401] } as const;

export const NoContent = z.undefined().describe('Done; no content');
