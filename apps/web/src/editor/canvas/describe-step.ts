import {
  type Locale,
  type ModuleCatalog,
  type ModuleMeta,
  nodeDefinition,
  nodeLabel,
  type WorkflowKind,
} from '@crmflow/flow';
import { draftConfig } from '../inspector/draft-config.ts';

export interface StepDescription {
  label: string;
  icon: string;
  /** The catalogue's one line in words: 'Gửi email "Xác nhận đơn hàng #code" tới Email'. */
  summary: string;
  known: boolean;
}

/** How a node reads on the canvas, from the catalogue's declaration of its type. */
export function describeStep(args: {
  nodeType: string;
  config: Record<string, unknown>;
  module: ModuleMeta;
  catalog: ModuleCatalog;
  kind: WorkflowKind;
  locale: Locale;
  /** Names of the organization's users, templates and rules, so summaries show them, not ids. */
  names?: ReadonlyMap<string, string>;
}): StepDescription {
  const { nodeType, config, module, catalog, kind, locale, names } = args;
  const definition = nodeDefinition(nodeType);
  if (!definition) return { label: nodeType, icon: '', summary: '', known: false };
  const draft = draftConfig({
    schema: definition.configSchema,
    defaults: definition.defaults(module, kind),
    raw: config,
  });
  let summary = '';
  try {
    summary = definition.summary({
      config: draft.config,
      module,
      catalog,
      locale,
      nameOf: (id) => names?.get(id),
    });
  } catch {
    // A summary is a courtesy: a draft it cannot read must not take the canvas down.
    summary = '';
  }
  return { label: nodeLabel(definition, locale), icon: definition.icon, summary, known: true };
}
