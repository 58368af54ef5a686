import {
  EventTriggerConfig,
  eventTriggerInUse,
  fieldLabelByKey,
  ScheduleTriggerConfig,
  triggerNode,
} from '@crmflow/flow';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../i18n/useLocale.ts';
import { useEditorScope } from '../../EditorProvider.tsx';
import { Field, Group } from '../controls/Field.tsx';
import { FieldSelect } from '../controls/FieldSelect.tsx';
import { fieldOptions } from '../controls/field-options.ts';
import { NumberBox, Radios, SelectBox } from '../controls/inputs.tsx';
import { type NodeFormProps, useDraft } from './form-kit.tsx';

/** "Khi nào": record events for a workflow, a date of the record for a care process. */
export function TriggerForm(props: NodeFormProps) {
  const { kind } = useEditorScope();
  return kind === 'schedule' ? <ScheduleTriggerForm {...props} /> : <EventTriggerForm {...props} />;
}

const events = ['create', 'create_or_update', 'update', 'delete'] as const;

function EventTriggerForm({ raw, onChange }: NodeFormProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { module } = useEditorScope();
  const defaults = EventTriggerConfig.parse(triggerNode.defaults(module, 'event'));
  const config = useDraft({ schema: EventTriggerConfig, defaults, raw });
  // Only the settings the chosen operation uses reach the saved flow (see `eventTriggerInUse`).
  const set = (patch: Partial<EventTriggerConfig>) => onChange(eventTriggerInUse({ ...config, ...patch }));
  const watchesEdits = config.on === 'update' || config.on === 'create_or_update';
  const name = useId();
  const addable = fieldOptions({ module, locale, exclude: ['lines'] }).filter(
    (option) => !config.fields.includes(option.value),
  );

  return (
    <>
      <Radios
        legend={t('editor.form.trigger.on')}
        name={`${name}-on`}
        path="on"
        value={config.on}
        options={events.map((value) => ({ value, label: t(`editor.form.trigger.${value}`) }))}
        onChange={(on) => set({ on })}
      />
      {watchesEdits ? (
        <>
          <Group
            legend={t('editor.form.trigger.watch')}
            path="fields"
            hint={t('editor.form.trigger.watchHint')}
          >
            <ul className="chip-list">
              {config.fields.map((key) => {
                const label = fieldLabelByKey({ module, key, locale });
                return (
                  <li key={key} className="tag">
                    {label}
                    <button
                      type="button"
                      className="tag__remove"
                      aria-label={t('editor.form.removeItem', { label })}
                      onClick={() => set({ fields: config.fields.filter((field) => field !== key) })}
                    >
                      ×
                    </button>
                  </li>
                );
              })}
            </ul>
            <Field label={t('editor.form.trigger.addField')}>
              {(control) => (
                <FieldSelect
                  control={control}
                  value=""
                  options={addable}
                  onChange={(key) => key && set({ fields: [...config.fields, key] })}
                />
              )}
            </Field>
          </Group>
          {config.fields.length > 1 ? (
            <Radios
              legend={t('editor.form.trigger.match')}
              name={`${name}-match`}
              path="match"
              value={config.match}
              options={[
                { value: 'any', label: t('editor.form.trigger.matchAny') },
                { value: 'all', label: t('editor.form.trigger.matchAll') },
              ]}
              onChange={(match) => set({ match })}
            />
          ) : null}
          <label className="field--inline inspector-check">
            <input
              type="checkbox"
              className="checkbox"
              checked={config.repeat}
              onChange={(event) => set({ repeat: event.target.checked })}
            />
            <span>{t('editor.form.trigger.repeat')}</span>
          </label>
          <p className="field__hint">{t('editor.form.trigger.repeatHint')}</p>
        </>
      ) : null}
    </>
  );
}

type Timing = 'before' | 'onDay' | 'after';

function ScheduleTriggerForm({ raw, onChange }: NodeFormProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { module } = useEditorScope();
  const defaults = ScheduleTriggerConfig.parse(triggerNode.defaults(module, 'schedule'));
  const config = useDraft({ schema: ScheduleTriggerConfig, defaults, raw });
  const set = (patch: Partial<ScheduleTriggerConfig>) => onChange({ ...config, ...patch });
  const name = useId();
  const dates = fieldOptions({ module, locale, types: ['date'] });
  const timing: Timing = config.offsetDays < 0 ? 'before' : config.offsetDays > 0 ? 'after' : 'onDay';
  const days = Math.abs(config.offsetDays);
  const setTiming = (next: Timing, amount = Math.max(days, 1)) =>
    set({ offsetDays: next === 'onDay' ? 0 : next === 'before' ? -amount : amount });

  return (
    <>
      <Field
        label={t('editor.form.trigger.dateField')}
        path="dateField"
        {...(dates.length === 0 ? { hint: t('editor.form.trigger.noDateFields') } : {})}
      >
        {(control) => (
          <FieldSelect
            control={control}
            value={config.dateField}
            options={dates}
            onChange={(dateField) => set({ dateField })}
          />
        )}
      </Field>
      <Radios
        legend={t('editor.form.trigger.recurrence')}
        name={`${name}-recurrence`}
        path="recurrence"
        value={config.recurrence}
        options={[
          { value: 'yearly', label: t('editor.form.trigger.yearly') },
          { value: 'once', label: t('editor.form.trigger.once') },
        ]}
        onChange={(recurrence) => set({ recurrence })}
      />
      <div className="inspector-row">
        <Field label={t('editor.form.trigger.timing')} path="offsetDays">
          {(control) => (
            <SelectBox
              control={control}
              value={timing}
              options={(['before', 'onDay', 'after'] as const).map((value) => ({
                value,
                label: t(`editor.form.trigger.${value}`),
              }))}
              onChange={(next) => setTiming(next === 'before' || next === 'after' ? next : 'onDay')}
            />
          )}
        </Field>
        {timing === 'onDay' ? null : (
          <Field label={t('editor.form.trigger.days')}>
            {(control) => (
              <NumberBox
                control={control}
                value={days}
                min={1}
                max={366}
                onChange={(amount) => setTiming(timing, amount)}
              />
            )}
          </Field>
        )}
      </div>
      <Radios
        legend={t('editor.form.trigger.window')}
        name={`${name}-window`}
        path="window"
        value={config.window}
        options={[
          { value: 'day', label: t('editor.form.trigger.windowDay') },
          { value: 'week', label: t('editor.form.trigger.windowWeek') },
        ]}
        onChange={(window) => set({ window })}
      />
      <Field label={t('editor.form.trigger.runAt')} path="runAt">
        {(control) => (
          <input
            {...control}
            className="input"
            type="time"
            value={config.runAt}
            onChange={(event) => set({ runAt: event.target.value })}
          />
        )}
      </Field>
    </>
  );
}
