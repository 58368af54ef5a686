import type { NodeType } from '@crmflow/flow';
import type { ComponentType } from 'react';
import { CareCardForm } from './CareCardForm.tsx';
import { ConditionForm } from './ConditionForm.tsx';
import { CreateTaskForm } from './CreateTaskForm.tsx';
import type { NodeFormProps } from './form-kit.tsx';
import { NotifyForm, SendSmsForm } from './MessageForms.tsx';
import {
  AssignOwnerForm,
  DelayForm,
  ProposeRevenueForm,
  RecordRevenueForm,
  WebhookForm,
} from './RecordForms.tsx';
import { SendEmailForm } from './SendEmailForm.tsx';
import { SendZnsForm } from './SendZnsForm.tsx';
import { TriggerForm } from './TriggerForm.tsx';
import { UpdateFieldsForm } from './UpdateFieldsForm.tsx';

/**
 * The inspector's form for each node type. Typed against the catalogue, so a node type added to
 * `@crmflow/flow` without a form here does not compile.
 */
export const nodeForms = {
  trigger: TriggerForm,
  condition: ConditionForm,
  update_fields: UpdateFieldsForm,
  send_email: SendEmailForm,
  create_task: CreateTaskForm,
  assign_owner: AssignOwnerForm,
  notify: NotifyForm,
  send_sms: SendSmsForm,
  send_zalo_zns: SendZnsForm,
  add_care_card: CareCardForm,
  propose_revenue: ProposeRevenueForm,
  record_revenue: RecordRevenueForm,
  webhook: WebhookForm,
  delay: DelayForm,
} satisfies Record<NodeType, ComponentType<NodeFormProps>>;
