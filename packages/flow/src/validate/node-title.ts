import { text } from '../messages/catalogue.ts';
import type { Locale, Text } from '../messages/locale.ts';
import { type AnyNodeDefinition, nodeLabel } from '../nodes/node-definition.ts';
import { clip } from '../nodes/summary-text.ts';
import type { SettingLabel } from './validation-error.ts';

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

/**
 * How a problem names a step: the name its author gave it ("Gửi email xác nhận"), else the label
 * of its type, in each language; never its id.
 */
export function stepName(args: {
  node: { type: string; config: Record<string, unknown> };
  definition: AnyNodeDefinition | undefined;
}): Text {
  const { node, definition } = args;
  const own = node.config.name ?? node.config.title;
  if (typeof own === 'string' && own.trim() !== '') return { vi: clip(own, 60), en: clip(own, 60) };
  return definition ? { vi: definition.labelVi, en: definition.labelEn } : { vi: node.type, en: node.type };
}

/**
 * The label a node's declaration gives the setting at `path` (`attachment.printTemplateId`,
 * `values.*.field`), else that of the nearest setting around it, else "the step's settings".
 */
export function settingLabel(
  definition: AnyNodeDefinition,
  path: readonly (string | number)[],
): SettingLabel {
  const keys = path.map((part) => (typeof part === 'number' ? '*' : part));
  for (let length = keys.length; length > 0; length--) {
    // Nested groups (`rules.*.rules.*.field`) take the labels of the first level.
    const key = keys
      .slice(0, length)
      .join('.')
      .replace(/(\w+\.\*\.)\1+/g, '$1');
    const label = definition.labels[key];
    if (label) return label;
  }
  return text('word.step_settings');
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
