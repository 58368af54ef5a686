import type { ZnsParam } from '@crmflow/flow/messaging';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProviderZnsTemplates, type ZnsTemplate } from '../../api/message-templates.ts';
import { useErrorMessage } from '../../components/useErrorMessage.ts';
import { FormRow, TemplateForm } from './template-kit.tsx';

const paramTypes = ['text', 'number', 'date', 'money'] as const;

/** A Zalo ZNS template: the id Zalo approved and its typed params with their maximum length. */
export function ZnsTemplateForm({
  template,
  draft,
  onSaved,
}: {
  template: ZnsTemplate | null;
  draft?: Partial<ZnsTemplate> | null;
  onSaved: (template: ZnsTemplate) => void;
}) {
  const { t } = useTranslation();
  const start = template ?? draft;
  const [providerTemplateId, setProviderTemplateId] = useState(start?.providerTemplateId ?? '');
  const [params, setParams] = useState<ZnsParam[]>(start?.params ?? []);
  const setParam = (index: number, change: Partial<ZnsParam>) =>
    setParams((list) => list.map((param, at) => (at === index ? { ...param, ...change } : param)));
  return (
    <TemplateForm
      kind="zns"
      template={template}
      initialName={draft?.name}
      values={() => ({ providerTemplateId, params })}
      onSaved={onSaved}
    >
      {(errors) => (
        <>
          <FormRow label={t('admin.zns.templateId')} error={errors.providerTemplateId}>
            {(control) => (
              <input
                {...control}
                className="input mono"
                value={providerTemplateId}
                onChange={(e) => setProviderTemplateId(e.target.value)}
              />
            )}
          </FormRow>
          <fieldset className="fieldset">
            <legend>{t('admin.zns.params')}</legend>
            {errors.params ? (
              <p className="field__error" role="alert">
                {errors.params}
              </p>
            ) : null}
            <div className="table-wrap">
              <table className="table zns-params">
                <thead>
                  <tr>
                    <th scope="col">{t('admin.zns.paramKey')}</th>
                    <th scope="col">{t('admin.zns.paramType')}</th>
                    <th scope="col">{t('admin.zns.paramMax')}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t('admin.common.delete')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {params.map((param, index) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place, keys change as typed
                    <tr key={index}>
                      <td>
                        <input
                          className="input mono"
                          aria-label={`${t('admin.zns.paramKey')} ${index + 1}`}
                          value={param.key}
                          onChange={(e) => setParam(index, { key: e.target.value })}
                        />
                      </td>
                      <td>
                        <select
                          className="select"
                          aria-label={`${t('admin.zns.paramType')} ${index + 1}`}
                          value={param.type}
                          onChange={(e) => setParam(index, { type: e.target.value as ZnsParam['type'] })}
                        >
                          {paramTypes.map((type) => (
                            <option key={type} value={type}>
                              {t(`admin.zns.types.${type}`)}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td>
                        <input
                          className="input input--numeric"
                          type="number"
                          min={1}
                          aria-label={`${t('admin.zns.paramMax')} ${index + 1}`}
                          value={Number.isFinite(param.maxLength) ? param.maxLength : ''}
                          onChange={(e) =>
                            setParam(index, { maxLength: Number.parseInt(e.target.value, 10) })
                          }
                        />
                      </td>
                      <td>
                        <button
                          type="button"
                          className="btn btn--ghost btn--sm"
                          aria-label={t('admin.zns.removeParam', { key: param.key || index + 1 })}
                          onClick={() => setParams((list) => list.filter((_, at) => at !== index))}
                        >
                          ✕
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <button
              type="button"
              className="btn btn--sm"
              onClick={() => setParams((list) => [...list, { key: '', type: 'text', maxLength: 30 }])}
            >
              {t('admin.zns.addParam')}
            </button>
          </fieldset>
        </>
      )}
    </TemplateForm>
  );
}

/** "Nhập từ nhà cung cấp": the OA's approved templates, each opening a prefilled new template. */
export function ZnsImport({ onPick }: { onPick: (draft: Partial<ZnsTemplate>) => void }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const listed = useProviderZnsTemplates();
  return (
    <div className="zns-import">
      <button
        type="button"
        className="btn btn--block"
        onClick={() => void listed.refetch()}
        disabled={listed.isFetching}
      >
        {listed.isFetching ? t('admin.zns.importing') : t('admin.zns.import')}
      </button>
      {listed.error ? <p className="alert alert--error">{errorMessage(listed.error)}</p> : null}
      {listed.data?.error ? (
        <p className="alert alert--warning" role="status">
          {listed.data.error}
        </p>
      ) : null}
      {listed.data && !listed.data.error && listed.data.templates.length === 0 ? (
        <p className="muted">{t('admin.zns.importEmpty')}</p>
      ) : null}
      {listed.data && listed.data.templates.length > 0 ? (
        <ul className="zns-import__list" aria-label={t('admin.zns.importList')}>
          {listed.data.templates.map((template) => (
            <li key={template.id}>
              <button
                type="button"
                className="template-workspace__pick"
                onClick={() =>
                  onPick({
                    name: template.name || template.id,
                    providerTemplateId: template.id,
                    params: template.params,
                  })
                }
              >
                {template.name || template.id} <span className="mono muted">{template.id}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
