import type { Locale } from '../metadata/field-lookup.ts';
import { type AnyNodeDefinition, nodeLabel } from '../nodes/node-definition.ts';

/**
 * How messages name a node: its type's label and, when it has one, the name the author gave it
 * (`Gửi Email thông báo "Xác nhận đơn hàng"`), so two emails on one canvas are told apart.
 */
export function nodeTitle(args: {
  node: { id: string; type: string; config: Record<string, unknown> };
  definition: AnyNodeDefinition | undefined;
  locale: Locale;
}): string {
  const { node, definition, locale } = args;
  const kind = definition ? nodeLabel(definition, locale) : node.type;
  const own = node.config.name ?? node.config.title;
  return typeof own === 'string' && own.trim() !== '' ? `${kind} "${own.trim()}"` : `${kind} (${node.id})`;
}

/** The dotted path of the first place `text` sits in a config, to point the canvas at it. */
export function pathOfText(config: unknown, text: string): (string | number)[] | null {
  const walk = (value: unknown, path: (string | number)[]): (string | number)[] | null => {
    if (value === text) return path;
    const entries: [string | number, unknown][] = Array.isArray(value)
      ? [...value.entries()]
      : value !== null && typeof value === 'object'
        ? Object.entries(value)
        : [];
    for (const [key, item] of entries) {
      const found = walk(item, [...path, key]);
      if (found) return found;
    }
    return null;
  };
  return walk(config, []);
}
