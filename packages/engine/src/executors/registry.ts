import { addCareCardExecutor } from './add-care-card.run.ts';
import { assignOwnerExecutor } from './assign-owner.run.ts';
import { createTaskExecutor } from './create-task.run.ts';
import { delayExecutor } from './delay.run.ts';
import type { ExecutorRegistry } from './executor.ts';
import { notifyExecutor } from './notify.run.ts';
import { proposeRevenueExecutor } from './propose-revenue.run.ts';
import { recordRevenueExecutor } from './record-revenue.run.ts';
import { sendEmailExecutor } from './send-email.run.ts';
import { sendSmsExecutor } from './send-sms.run.ts';
import { sendZaloZnsExecutor } from './send-zalo-zns.run.ts';
import { updateFieldsExecutor } from './update-fields.run.ts';
import { webhookExecutor } from './webhook.run.ts';

/** The executor of every action node type; one missing from the catalogue is a compile error. */
export const executors = {
  update_fields: updateFieldsExecutor,
  send_email: sendEmailExecutor,
  create_task: createTaskExecutor,
  assign_owner: assignOwnerExecutor,
  notify: notifyExecutor,
  send_sms: sendSmsExecutor,
  send_zalo_zns: sendZaloZnsExecutor,
  add_care_card: addCareCardExecutor,
  propose_revenue: proposeRevenueExecutor,
  record_revenue: recordRevenueExecutor,
  webhook: webhookExecutor,
  delay: delayExecutor,
} satisfies ExecutorRegistry;
