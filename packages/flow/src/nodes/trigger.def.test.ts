import { describe, expect, it } from 'vitest';
import { type EventTriggerConfig, eventTriggerInUse } from './trigger.def.ts';

const watching: EventTriggerConfig = {
  on: 'update',
  fields: ['status', 'amount'],
  match: 'all',
  repeat: false,
};

describe('an event trigger keeps only the settings its operation uses', () => {
  it.each<{ why: string; config: EventTriggerConfig; expected: EventTriggerConfig }>([
    {
      why: 'switched from edit to create: the hidden fields, match and first-time-only go',
      config: { ...watching, on: 'create' },
      expected: { on: 'create', fields: [], match: 'any', repeat: true },
    },
    {
      why: 'switched to delete: the same',
      config: { ...watching, on: 'delete' },
      expected: { on: 'delete', fields: [], match: 'any', repeat: true },
    },
    { why: 'an edit watching two fields keeps all of it', config: watching, expected: watching },
    {
      why: 'added or edited keeps its watched fields too',
      config: { ...watching, on: 'create_or_update' },
      expected: { ...watching, on: 'create_or_update' },
    },
    {
      why: 'one watched field: the all/any choice is hidden and back to its default',
      config: { ...watching, fields: ['status'] },
      expected: { on: 'update', fields: ['status'], match: 'any', repeat: false },
    },
    {
      why: 'no watched field: the same',
      config: { ...watching, fields: [] },
      expected: { on: 'update', fields: [], match: 'any', repeat: false },
    },
  ])('$why', ({ config, expected }) => {
    expect(eventTriggerInUse(config)).toEqual(expected);
  });
});
