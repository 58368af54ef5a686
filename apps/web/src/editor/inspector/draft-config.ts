import type { z } from 'zod';

type Issue = z.core.$ZodIssue;
type Path = PropertyKey[];

/**
 * A node's config as its form edits it. A draft may break its schema's rules — an emptied name,
 * a field not chosen yet, a number out of range — while keeping its shape, and the form must show
 * what was typed, not the defaults. So a config that fails only such rules is parsed with
 * stand-ins at the failing places (to fill in defaults elsewhere) and then given its own values
 * back. A config of the wrong shape altogether (an import from elsewhere) falls back to the
 * defaults; validation reports it on the canvas either way.
 */
export function draftConfig<S extends z.ZodType>(args: {
  schema: S;
  defaults: z.infer<S>;
  raw: Record<string, unknown>;
}): { config: z.infer<S>; shapeOk: boolean } {
  const { schema, defaults, raw } = args;
  const first = schema.safeParse(raw);
  if (first.success) return { config: first.data, shapeOk: true };
  const places = first.error.issues.map((issue) => standInFor({ issue, raw, base: [] }));
  if (places.some((place) => place === null)) return { config: defaults, shapeOk: false };
  const patched = structuredClone(raw);
  for (const place of places) if (place) writeAt({ root: patched, path: place.path, value: place.standIn });
  const second = schema.safeParse(patched);
  if (!second.success) return { config: defaults, shapeOk: false };
  for (const place of places) {
    if (place) writeAt({ root: second.data, path: place.path, value: readAt(raw, place.path) });
  }
  return { config: second.data, shapeOk: true };
}

const ruleCodes = new Set(['too_small', 'too_big', 'invalid_format', 'not_multiple_of']);

/** Where a rule-only issue sits and a value of the same type that passes there; `null` for a shape issue. */
function standInFor(args: {
  issue: Issue;
  raw: unknown;
  base: Path;
}): { path: Path; standIn: unknown } | null {
  const { issue, raw } = args;
  const path = [...args.base, ...issue.path];
  if (issue.code === 'invalid_union') {
    for (const branch of issue.errors) {
      const [only, ...more] = branch.map((inner) => standInFor({ issue: inner, raw, base: path }));
      if (only && more.length === 0) return only;
    }
    return null;
  }
  if (!ruleCodes.has(issue.code)) return null;
  if (issue.code === 'invalid_format') {
    if (issue.format === 'email') return { path, standIn: 'draft@example.com' };
    if (issue.format === 'regex' && issue.pattern?.includes(':')) return { path, standIn: '00:00' };
    return { path, standIn: 'x' };
  }
  const input = readAt(raw, path);
  if (issue.code === 'too_small' || issue.code === 'too_big') {
    const bound = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
    if (typeof input === 'number') return { path, standIn: bound };
    if (typeof input === 'string') return { path, standIn: 'x' };
  }
  return null;
}

function readAt(root: unknown, path: Path): unknown {
  let current = root;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = Reflect.get(current, key);
  }
  return current;
}

function writeAt(args: { root: unknown; path: Path; value: unknown }): void {
  const { root, path, value } = args;
  const parent = readAt(root, path.slice(0, -1));
  const key = path.at(-1);
  if (key !== undefined && typeof parent === 'object' && parent !== null) Reflect.set(parent, key, value);
}
