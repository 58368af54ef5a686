import type { ModuleKey } from '@crmflow/flow';
import { useUsers } from '../../api/users.ts';
import {
  useAllocationRules,
  useMessageTemplates,
  useProviders,
  useZnsTemplates,
} from '../../api/workflow-resources.ts';

/**
 * What the organization has that a workflow on `module` may point at: users, providers,
 * templates and allocation rules. Live validation checks ids against them and the canvas names
 * them; both read these same cached lists.
 */
export function useEditorLists(module: ModuleKey) {
  const users = useUsers();
  return {
    users: users.data,
    providers: useProviders(),
    emailTemplates: useMessageTemplates({ kind: 'email', module }),
    smsTemplates: useMessageTemplates({ kind: 'sms', module }),
    printTemplates: useMessageTemplates({ kind: 'print', module }),
    znsTemplates: useZnsTemplates(),
    allocationRules: useAllocationRules(module),
  };
}
