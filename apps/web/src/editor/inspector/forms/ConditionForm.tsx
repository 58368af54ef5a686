import { ConditionConfig } from '@crmflow/flow';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditorScope } from '../../EditorProvider.tsx';
import { newRule } from '../condition/condition-edit.ts';
import { GroupEditor } from '../condition/GroupEditor.tsx';
import { Radios } from '../controls/inputs.tsx';
import { type NodeFormProps, useDraft } from './form-kit.tsx';

/**
 * "Điều kiện": every record of the module, or records meeting criteria in groups of AND/OR.
 * Switching to criteria starts with one rule; switching back keeps nothing (the node says "all").
 */
export function ConditionForm({ raw, onChange }: NodeFormProps) {
  const { t } = useTranslation();
  const { module, kind } = useEditorScope();
  const config = useDraft({ schema: ConditionConfig, defaults: { mode: 'all' }, raw });
  const name = useId();
  const set = (next: ConditionConfig) => onChange(next);

  return (
    <>
      <Radios
        legend={t('editor.form.condition.mode')}
        name={name}
        path="mode"
        value={config.mode}
        options={[
          { value: 'all', label: t('editor.form.condition.all') },
          { value: 'criteria', label: t('editor.form.condition.criteria') },
        ]}
        onChange={(mode) =>
          set(
            mode === 'all'
              ? { mode: 'all' }
              : { mode: 'criteria', logic: 'and', rules: [newRule(module, kind)] },
          )
        }
      />
      {config.mode === 'criteria' ? (
        <>
          <GroupEditor
            group={{ logic: config.logic, rules: config.rules }}
            path="rules"
            depth={0}
            onChange={(group) => set({ ...config, logic: group.logic, rules: group.rules })}
          />
          <label className="field--inline inspector-check">
            <input
              type="checkbox"
              className="checkbox"
              checked={config.ignoreAccents ?? false}
              onChange={(event) => set({ ...config, ignoreAccents: event.target.checked })}
            />
            <span>{t('editor.form.condition.ignoreAccents')}</span>
          </label>
        </>
      ) : null}
    </>
  );
}
