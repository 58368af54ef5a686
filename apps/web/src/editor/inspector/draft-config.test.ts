import {
  ConditionConfig,
  CreateTaskConfig,
  createTaskNode,
  ScheduleTriggerConfig,
  SendEmailConfig,
  standardModules,
} from '@crmflow/flow';
import { describe, expect, it } from 'vitest';
import { draftConfig } from './draft-config.ts';

const taskDefaults = createTaskNode.defaults(standardModules.order);

describe('draftConfig', () => {
  it('reads a valid config as parsed, defaults filled in', () => {
    const { config, shapeOk } = draftConfig({
      schema: CreateTaskConfig,
      defaults: taskDefaults,
      raw: { title: 'Gọi khách', assignee: { field: 'owner_id' } },
    });
    expect(shapeOk).toBe(true);
    expect(config).toMatchObject({ title: 'Gọi khách', dueInDays: 1, related: [], attachment: null });
  });

  it.each([
    ['an emptied name', SendEmailConfig, { name: '', to: { fields: [] } }, ['name'], ''],
    [
      'a typed-in address not finished',
      SendEmailConfig,
      { name: 'a', to: { addresses: ['an@'] } },
      ['to', 'addresses', 0],
      'an@',
    ],
    ['a run time half typed', ScheduleTriggerConfig, { dateField: 'birthday', runAt: '8:' }, ['runAt'], '8:'],
    [
      'an offset out of range',
      ScheduleTriggerConfig,
      { dateField: 'birthday', offsetDays: 900 },
      ['offsetDays'],
      900,
    ],
  ])('keeps %s as typed, with the other defaults', (_name, schema, raw, path, expected) => {
    const { config, shapeOk } = draftConfig({ schema, defaults: schema.parse(fullOf(schema)), raw });
    expect(shapeOk).toBe(true);
    expect(at(config, path)).toEqual(expected);
  });

  it('keeps condition rules whose field is not chosen yet, nested in groups too', () => {
    const raw = {
      mode: 'criteria',
      logic: 'and',
      rules: [
        { field: 'status', op: 'eq', value: 'delivered' },
        { logic: 'or', rules: [{ field: '', op: 'eq', value: '' }] },
      ],
    };
    const { config, shapeOk } = draftConfig({ schema: ConditionConfig, defaults: { mode: 'all' }, raw });
    expect(shapeOk).toBe(true);
    expect(config).toEqual(raw);
  });

  it('falls back to the defaults for a config of another shape', () => {
    const { config, shapeOk } = draftConfig({
      schema: CreateTaskConfig,
      defaults: taskDefaults,
      raw: { title: 42, assignee: 'me' },
    });
    expect(shapeOk).toBe(false);
    expect(config).toEqual(taskDefaults);
  });
});

function fullOf(schema: unknown): Record<string, unknown> {
  if (schema === ScheduleTriggerConfig) return { dateField: 'birthday' };
  return { name: 'x', to: { fields: [] } };
}

function at(value: unknown, path: (string | number)[]): unknown {
  let current = value;
  for (const key of path)
    current = current && typeof current === 'object' ? Reflect.get(current, key) : undefined;
  return current;
}
