import { z } from 'zod';

/** One refused field of a 400: its path (`data.code`, `lines.0.quantity`) and why, in the caller's language. */
export const ErrorDetail = z.object({ field: z.string(), message: z.string() });
export type ErrorDetail = z.infer<typeof ErrorDetail>;

/** The body of every error response: `{ error: { code, message, details } }`. The code is the contract. */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
