import { serializerCompiler } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { $ZodType } from 'zod/v4/core';

/** Copies a response value keeping only what its schema declares, as zod's output does. */
export type Projection = (value: unknown) => unknown;

type Def = { type: string } & Record<string, unknown>;
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

const asIs: Projection = (value) => value;
const scalars = new Set([
  'string',
  'number',
  'int',
  'boolean',
  'bigint',
  'enum',
  'literal',
  'null',
  'unknown',
  'any',
  'date',
  'nan',
]);

/**
 * A projection of `schema`: objects keep only their declared keys (recursively, through arrays,
 * records, nullable and optional), everything else is passed as it is — what zod's encoding
 * leaves of a valid response, without checking it. Null when the schema holds anything whose
 * output is not a plain copy (unions of objects, transforms, codecs, defaults, lazy schemas…):
 * those responses keep zod's encoding.
 */
export function projection(schema: z.ZodType): Projection | null {
  const def = defOf(schema);
  if (scalars.has(def.type)) return asIs;
  switch (def.type) {
    case 'nullable':
    case 'optional': {
      const inner = projection(def.innerType as z.ZodType);
      if (!inner) return null;
      if (inner === asIs) return asIs;
      return (value) => (value === null || value === undefined ? value : inner(value));
    }
    case 'array': {
      const element = projection(def.element as z.ZodType);
      if (!element) return null;
      if (element === asIs) return asIs;
      return (value) => (Array.isArray(value) ? value.map(element) : value);
    }
    case 'record': {
      const item = projection(def.valueType as z.ZodType);
      if (!item) return null;
      if (item === asIs) return asIs;
      return (value) => {
        if (typeof value !== 'object' || value === null) return value;
        const out: Record<string, unknown> = {};
        for (const [key, child] of Object.entries(value)) out[key] = item(child);
        return out;
      };
    }
    case 'object': {
      if (def.catchall && defOf(def.catchall).type !== 'never') return null;
      const entries: [string, Projection][] = [];
      for (const [key, child] of Object.entries(def.shape as Record<string, z.ZodType>)) {
        const inner = projection(child);
        if (!inner) return null;
        entries.push([key, inner]);
      }
      return (value) => {
        if (typeof value !== 'object' || value === null) return value;
        const source = value as Record<string, unknown>;
        const out: Record<string, unknown> = {};
        for (const [key, inner] of entries) {
          const child = source[key];
          if (child !== undefined) out[key] = inner(child);
        }
        return out;
      };
    }
    case 'union': {
      const options = def.options as z.ZodType[];
      if (options.every((option) => projection(option) === asIs)) return asIs;
      return typeof def.discriminator === 'string' ? byDiscriminator(def.discriminator, options) : null;
    }
    default:
      return null;
  }
}

/** A discriminated union: each value projected by the option its discriminator names. */
function byDiscriminator(key: string, options: z.ZodType[]): Projection | null {
  const byValue = new Map<unknown, Projection>();
  for (const option of options) {
    const def = defOf(option);
    const tag = def.type === 'object' ? (def.shape as Record<string, z.ZodType>)[key] : undefined;
    const project = projection(option);
    if (!tag || !project || defOf(tag).type !== 'literal') return null;
    for (const value of defOf(tag).values as unknown[]) byValue.set(value, project);
  }
  return (value) => {
    if (typeof value !== 'object' || value === null) return value;
    const tag = (value as Record<string, unknown>)[key];
    // A value no option names would fail the check: only its discriminator goes out.
    return byValue.get(tag)?.(value) ?? { [key]: tag };
  };
}

type SerializerCompiler = typeof serializerCompiler;

/**
 * Responses as `serializerCompiler` writes them (checked against their schemas, which a test
 * run wants: a handler returning the wrong shape fails there), or, with `check` off, only
 * projected onto them: what the schema does not declare is still left out, but nothing is
 * checked — a list of fifty records costs a fraction of the checking.
 */
export function responseSerializerCompiler(options: { check: boolean }): SerializerCompiler {
  if (options.check) return serializerCompiler;
  return (route) => {
    const schema = route.schema as unknown;
    const project = schema instanceof $ZodType ? projection(schema as z.ZodType) : null;
    if (!project) return serializerCompiler(route);
    return (data) => JSON.stringify(project(data));
  };
}
