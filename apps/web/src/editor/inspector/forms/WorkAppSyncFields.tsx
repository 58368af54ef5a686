import type { TaskWorkAppSync } from '@crmflow/flow';
import { useTranslation } from 'react-i18next';
import { useWorkAppList } from '../../../api/providers.ts';
import { useProviders } from '../../../api/workflow-resources.ts';
import { useErrorMessage } from '../../../components/useErrorMessage.ts';
import { Field } from '../controls/Field.tsx';
import { SelectBox } from '../controls/inputs.tsx';
import { ProviderSelect } from '../controls/pickers.tsx';

/**
 * "Đồng bộ sang ứng dụng công việc": when ticked, the work app (or the default one) and the project
 * and group the task goes to there, listed by the app itself.
 */
export function WorkAppSyncFields({
  value,
  onChange,
}: {
  value: TaskWorkAppSync | null;
  onChange: (value: TaskWorkAppSync | null) => void;
}) {
  const { t } = useTranslation();
  const providers = useProviders();
  const errorMessage = useErrorMessage();
  const workApps = providers.items.filter((item) => item.kind === 'workapp');
  const chosenId = value?.providerId || workApps.find((item) => item.isDefault)?.id;
  const projects = useWorkAppList({ providerId: value ? chosenId : undefined });
  const groups = useWorkAppList({
    providerId: value ? chosenId : undefined,
    projectId: value?.projectId ?? '',
  });
  const options = (items: { id: string; name: string }[] | undefined) =>
    (items ?? []).map((item) => ({ value: item.id, label: item.name }));

  return (
    <>
      <label className="field--inline inspector-check">
        <input
          type="checkbox"
          checked={value !== null}
          onChange={(event) =>
            onChange(event.target.checked ? { providerId: '', projectId: '', groupId: '' } : null)
          }
        />
        {t('workAppSync.toggle')}
      </label>
      {value ? (
        <>
          <ProviderSelect
            kind="workapp"
            path="workApp.providerId"
            label={t('workAppSync.provider')}
            defaultLabel={t('workAppSync.defaultProvider')}
            value={value.providerId}
            onChange={(providerId) => onChange({ providerId, projectId: '', groupId: '' })}
          />
          <Field
            label={t('workAppSync.project')}
            path="workApp.projectId"
            {...(projects.isError ? { hint: errorMessage(projects.error) } : {})}
          >
            {(control) => (
              <SelectBox
                control={control}
                value={value.projectId}
                options={options(projects.data)}
                placeholder={t('editor.form.choose')}
                onChange={(projectId) => onChange({ ...value, projectId, groupId: '' })}
              />
            )}
          </Field>
          <Field label={t('workAppSync.group')} path="workApp.groupId">
            {(control) => (
              <SelectBox
                control={control}
                value={value.groupId}
                options={options(groups.data)}
                placeholder={t('workAppSync.noGroup')}
                onChange={(groupId) => onChange({ ...value, groupId })}
              />
            )}
          </Field>
        </>
      ) : null}
    </>
  );
}
