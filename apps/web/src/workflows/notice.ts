import { z } from 'zod';

/** What the list tells the user after an action: a success with an optional link, or a problem. */
export type Notice =
  | { tone: 'success'; text: string; link?: { to: string; label: string } }
  | { tone: 'error'; text: string; problems?: string[]; more?: number; fixLink?: string };

/** A problem of a 422 `invalid_graph` answer: its sentence is in the language the request asked for. */
const GraphProblem = z.object({ message: z.string() });

/** Problems shown under an `invalid_graph` answer; the rest are counted, the editor marks them all. */
export const SHOWN_PROBLEMS = 3;

/** The sentences of a 422 `invalid_graph` answer's details, in the reader's language. */
export function graphProblems(details: unknown): string[] {
  if (!Array.isArray(details)) return [];
  return details.flatMap((item) => {
    const parsed = GraphProblem.safeParse(item);
    if (!parsed.success) return [];
    return [parsed.data.message];
  });
}
