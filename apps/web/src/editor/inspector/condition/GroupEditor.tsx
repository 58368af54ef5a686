import { type ConditionGroup, type ConditionLogic, isConditionGroup } from '@crmflow/flow';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditorScope } from '../../EditorProvider.tsx';
import { FieldErrors } from '../controls/Field.tsx';
import { newGroup, newRule, removeItem, replaceItem } from './condition-edit.ts';
import { RuleRow } from './RuleRow.tsx';

/** Groups nest this deep at most: deeper logic is easier to read as two conditions. */
const maxDepth = 3;

/**
 * A group of criteria joined by AND or OR, holding rules and nested groups: add a rule, add a
 * group, remove either. `path` is where the group's `rules` sit in the config.
 */
export function GroupEditor({
  group,
  path,
  depth,
  onChange,
  onRemove,
}: {
  group: ConditionGroup;
  path: string;
  depth: number;
  onChange: (group: ConditionGroup) => void;
  onRemove?: () => void;
}) {
  const { t } = useTranslation();
  const { module, kind } = useEditorScope();
  const logicName = useId();
  const setLogic = (logic: ConditionLogic) => onChange({ ...group, logic });
  let ruleNumber = 0;

  return (
    <fieldset
      className={`condition-group condition-group--depth-${depth}`}
      aria-label={t('editor.form.condition.group')}
    >
      <div className="condition-group__head">
        <fieldset className="logic-switch">
          <legend className="visually-hidden">{t('editor.form.condition.logic')}</legend>
          {(['and', 'or'] as const).map((logic) => (
            <label
              key={logic}
              className={`logic-switch__option${group.logic === logic ? ' logic-switch__option--on' : ''}`}
            >
              <input
                type="radio"
                name={logicName}
                value={logic}
                checked={group.logic === logic}
                onChange={() => setLogic(logic)}
              />
              {t(`editor.form.condition.${logic}`)}
            </label>
          ))}
        </fieldset>
        {onRemove ? (
          <button type="button" className="btn btn--ghost btn--sm" onClick={onRemove}>
            {t('editor.form.condition.removeGroup')}
          </button>
        ) : null}
      </div>
      {group.rules.length === 0 ? <p className="field__hint">{t('editor.form.condition.empty')}</p> : null}
      <FieldErrors path={path} exact />
      <ol className="condition-group__items">
        {group.rules.map((item, index) => {
          const itemPath = `${path}.${index}`;
          const key = `${depth}-${index}`;
          if (isConditionGroup(item)) {
            return (
              <li key={key} className="condition-group__item">
                {index > 0 ? (
                  <span className="condition-group__joiner">{t(`editor.form.condition.${group.logic}`)}</span>
                ) : null}
                <GroupEditor
                  group={item}
                  path={`${itemPath}.rules`}
                  depth={depth + 1}
                  onChange={(next) => onChange({ ...group, rules: replaceItem(group.rules, index, next) })}
                  onRemove={() => onChange({ ...group, rules: removeItem(group.rules, index) })}
                />
              </li>
            );
          }
          ruleNumber += 1;
          return (
            <li key={key} className="condition-group__item">
              {index > 0 ? (
                <span className="condition-group__joiner">{t(`editor.form.condition.${group.logic}`)}</span>
              ) : null}
              <RuleRow
                rule={item}
                path={itemPath}
                number={ruleNumber}
                onChange={(next) => onChange({ ...group, rules: replaceItem(group.rules, index, next) })}
                onRemove={() => onChange({ ...group, rules: removeItem(group.rules, index) })}
              />
            </li>
          );
        })}
      </ol>
      <div className="condition-group__actions">
        <button
          type="button"
          className="btn btn--sm"
          onClick={() => onChange({ ...group, rules: [...group.rules, newRule(module, kind)] })}
        >
          + {t('editor.form.condition.addRule')}
        </button>
        {depth < maxDepth ? (
          <button
            type="button"
            className="btn btn--sm"
            onClick={() =>
              onChange({ ...group, rules: [...group.rules, newGroup(module, kind, group.logic)] })
            }
          >
            + {t('editor.form.condition.addGroup')}
          </button>
        ) : null}
      </div>
    </fieldset>
  );
}
