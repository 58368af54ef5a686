import { ZnsTemplate, ZnsTemplateInput, ZnsTemplateList } from '@crmflow/contracts';
import { render } from '@crmflow/flow';
import type { ZnsParam } from '@crmflow/flow/messaging';
import { AppError } from '../../errors/app-error.ts';
import type { Locale } from '../../i18n/locale.ts';
import { timestampsOf } from './template-common.ts';
import { templateRoutes } from './template-routes.ts';
import {
  createZnsTemplate,
  deleteZnsTemplate,
  findZnsTemplate,
  listZnsTemplates,
  updateZnsTemplate,
  type ZnsTemplateRow,
} from './zns-templates.service.ts';

const toView = (row: ZnsTemplateRow) => ({
  id: row.id,
  name: row.name,
  providerTemplateId: row.providerTemplateId,
  params: row.params,
  ...timestampsOf(row),
});

/** Two params with one key could never both be filled: refuse the second, by position. */
function assertDistinctKeys(params: ZnsParam[] | undefined, locale: Locale): void {
  const seen = new Set<string>();
  const details = (params ?? []).flatMap((param, index) => {
    if (!seen.has(param.key)) {
      seen.add(param.key);
      return [];
    }
    const message = render(locale, 'request.zns_key_twice', { key: param.key });
    return [{ field: `params.${index}.key`, message }];
  });
  if (details.length > 0) throw new AppError('invalid_input', { details });
}

export const znsTemplatesRoutes = templateRoutes({
  path: '/zns-templates',
  input: ZnsTemplateInput,
  changes: ZnsTemplateInput.partial(),
  template: ZnsTemplate,
  list: ZnsTemplateList,
  toView,
  listByModule: false,
  service: {
    list: listZnsTemplates,
    find: findZnsTemplate,
    create: createZnsTemplate,
    update: updateZnsTemplate,
    remove: deleteZnsTemplate,
  },
  checkInput: (input, locale) => assertDistinctKeys(input.params, locale),
  texts: {
    list: 'Zalo ZNS templates of the organization',
    one: 'One ZNS template',
    create: 'Add an ZNS template (admin, manager)',
    createDescription: 'Param keys must be distinct; flows are checked against the params when saved.',
    update: 'Change an ZNS template (admin, manager)',
    remove: 'Delete an ZNS template (admin, manager)',
  },
});
