import { z } from 'zod';

/** What the work app lists through our API: its projects, or one project's groups. */
export const WorkAppItem = z.object({ id: z.string(), name: z.string() });
export type WorkAppItem = z.infer<typeof WorkAppItem>;

export const WorkAppItems = z.object({ items: z.array(WorkAppItem) }).describe('What the work app lists');
export type WorkAppItems = z.infer<typeof WorkAppItems>;
