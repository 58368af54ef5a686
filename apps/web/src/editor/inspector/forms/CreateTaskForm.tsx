import { CreateTaskConfig, createTaskNode } from '@crmflow/flow';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../i18n/useLocale.ts';
import { useEditorScope } from '../../EditorProvider.tsx';
import { Field } from '../controls/Field.tsx';
import { FieldSelect } from '../controls/FieldSelect.tsx';
import { fieldOptions, moduleFieldOptions } from '../controls/field-options.ts';
import { CheckList, NumberBox, Radios, SelectBox } from '../controls/inputs.tsx';
import { MergeText } from '../controls/MergeText.tsx';
import { useUserOptions } from '../controls/pickers.tsx';
import { type NodeFormProps, useDraft } from './form-kit.tsx';
import { AttachmentToggle } from './SendEmailForm.tsx';
import { WorkAppSyncFields } from './WorkAppSyncFields.tsx';

/** "Giao nhiệm vụ": title, description, due, type, priority, assignee, related users, attachment. */
export function CreateTaskForm({ raw, onChange }: NodeFormProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { module, catalog, kind } = useEditorScope();
  const config = useDraft({ schema: CreateTaskConfig, defaults: createTaskNode.defaults(module, kind), raw });
  const set = (patch: Partial<CreateTaskConfig>) => onChange({ ...config, ...patch });
  const users = useUserOptions();
  const name = useId();
  const { assignee } = config;
  const byField = 'field' in assignee;

  return (
    <>
      <Field label={t('editor.form.task.title')} path="title" hint={t('editor.form.merge.hint')}>
        {(control) => (
          <MergeText control={control} value={config.title} onChange={(title) => set({ title })} />
        )}
      </Field>
      <Field label={t('editor.form.task.description')} path="description">
        {(control) => (
          <MergeText
            control={control}
            multiline
            value={config.description}
            onChange={(description) => set({ description })}
          />
        )}
      </Field>
      <Field label={t('editor.form.task.due')} path="dueInDays">
        {(control) => (
          <NumberBox
            control={control}
            value={config.dueInDays}
            min={0}
            max={3650}
            onChange={(dueInDays) => set({ dueInDays })}
          />
        )}
      </Field>
      <div className="inspector-row">
        <Field label={t('editor.form.task.type')} path="taskType">
          {(control) => (
            <SelectBox
              control={control}
              value={config.taskType}
              options={moduleFieldOptions({ catalog, module: 'task', key: 'task_type', locale })}
              onChange={(taskType) => set({ taskType })}
            />
          )}
        </Field>
        <Field label={t('editor.form.task.priority')} path="priority">
          {(control) => (
            <SelectBox
              control={control}
              value={config.priority}
              options={moduleFieldOptions({ catalog, module: 'task', key: 'priority', locale })}
              onChange={(priority) => set({ priority })}
            />
          )}
        </Field>
      </div>
      <Radios
        legend={t('editor.form.task.assignee')}
        name={`${name}-assignee`}
        value={byField ? 'field' : 'user'}
        options={[
          { value: 'field', label: t('editor.form.task.assigneeField') },
          { value: 'user', label: t('editor.form.task.assigneeUser') },
        ]}
        onChange={(mode) =>
          set({ assignee: mode === 'field' ? { field: 'owner_id' } : { user: users[0]?.value ?? '' } })
        }
      />
      {'field' in assignee ? (
        <Field label={t('editor.form.task.assigneeField')} path="assignee.field">
          {(control) => (
            <FieldSelect
              control={control}
              value={assignee.field}
              options={fieldOptions({ module, locale, types: ['user'] })}
              onChange={(field) => set({ assignee: { field } })}
            />
          )}
        </Field>
      ) : (
        <Field label={t('editor.form.task.assigneeUser')} path="assignee.user">
          {(control) => (
            <SelectBox
              control={control}
              value={assignee.user}
              options={users}
              onChange={(user) => set({ assignee: { user } })}
              placeholder={t('editor.form.chooseUser')}
            />
          )}
        </Field>
      )}
      <CheckList
        legend={t('editor.form.task.related')}
        path="related"
        options={users}
        values={config.related}
        onChange={(related) => set({ related })}
      />
      <AttachmentToggle
        value={config.attachment}
        formatName={`${name}-format`}
        onChange={(attachment) => set({ attachment })}
      />
      <WorkAppSyncFields value={config.workApp} onChange={(workApp) => set({ workApp })} />
    </>
  );
}
