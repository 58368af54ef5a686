import type { AnyNodeDefinition, CustomFormName } from '@crmflow/flow';
import type { ComponentType } from 'react';
import { CareCardForm } from './CareCardForm.tsx';
import { ConditionForm } from './ConditionForm.tsx';
import { DeclaredForm } from './DeclaredForm.tsx';
import type { NodeFormProps } from './form-kit.tsx';
import { SendZnsForm } from './SendZnsForm.tsx';
import { TriggerForm } from './TriggerForm.tsx';
import { UpdateFieldsForm } from './UpdateFieldsForm.tsx';

/**
 * The hand-written forms, by the name a declaration gives in `form.custom`. Typed against the
 * names `@crmflow/flow` allows, so a name without its form here does not compile.
 */
const customForms = {
  trigger: TriggerForm,
  'condition-builder': ConditionForm,
  'update-fields-list': UpdateFieldsForm,
  'zns-mapping': SendZnsForm,
  'care-card': CareCardForm,
} satisfies Record<CustomFormName, ComponentType<NodeFormProps>>;

/** A node's inspector form as its declaration says: drawn from its settings, or hand-written. */
export function NodeForm({ definition, ...props }: NodeFormProps & { definition: AnyNodeDefinition }) {
  const { form } = definition;
  if ('custom' in form) {
    const Custom = customForms[form.custom];
    return <Custom {...props} />;
  }
  return <DeclaredForm {...props} definition={definition} widgets={form.widgets} />;
}
