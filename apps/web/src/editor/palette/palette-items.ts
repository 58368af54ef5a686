import {
  allowsModule,
  foldText,
  type Locale,
  type ModuleKey,
  type NodeCategory,
  nodeDefinitions,
  nodeLabel,
  type WorkflowKind,
} from '@crmflow/flow';

export interface PaletteItem {
  type: string;
  category: NodeCategory;
  label: string;
  description: string;
  icon: string;
}

export interface PaletteGroup {
  category: NodeCategory;
  items: PaletteItem[];
}

const order: NodeCategory[] = ['trigger', 'condition', 'action'];

/**
 * The node types a flow on this module and of this kind may use, grouped Khi nào / Điều kiện /
 * Hành động in the catalogue's order: care cards and revenue only for orders, revenue only in
 * event workflows, and whatever else the declarations allow.
 */
export function paletteGroups(args: {
  module: ModuleKey;
  kind: WorkflowKind;
  locale: Locale;
}): PaletteGroup[] {
  const { module, kind, locale } = args;
  const allowed = nodeDefinitions.filter(
    (definition) => allowsModule(definition, module) && definition.kinds.includes(kind),
  );
  return order
    .map((category) => ({
      category,
      items: allowed
        .filter((definition) => definition.category === category)
        .map((definition) => ({
          type: definition.type,
          category,
          label: nodeLabel(definition, locale),
          description: locale === 'vi' ? definition.descriptionVi : definition.descriptionEn,
          icon: definition.icon,
        })),
    }))
    .filter((group) => group.items.length > 0);
}

/** Items whose label or description holds every word typed, ignoring case and accents. */
export function filterPalette(groups: PaletteGroup[], query: string): PaletteGroup[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return groups;
  return groups
    .map((group) => ({
      ...group,
      items: group.items.filter((item) => {
        const text = fold(`${item.label} ${item.description}`);
        return words.every((word) => text.includes(word));
      }),
    }))
    .filter((group) => group.items.length > 0);
}

const fold = (text: string) => foldText(text, { ignoreAccents: true });

/** The MIME type a palette item is dragged under, so the canvas ignores other drags. */
export const paletteDragType = 'application/x-crmflow-node';
