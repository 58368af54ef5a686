import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { messages } from '../messages/catalogue.ts';
import { nodeDefinitions } from './catalog.ts';
import { delayNode } from './delay.def.ts';
import { defineNode } from './node-definition.ts';
import { customFormNames, type FormWidget, flatWidgets, switchVariant, widgetShown } from './node-form.ts';

const variantOf = (widgets: readonly FormWidget[]) => {
  const found = flatWidgets(widgets).find((widget) => widget.widget === 'variant');
  if (!found || found.widget !== 'variant') throw new Error('no variant widget');
  return found;
};

describe('declared forms', () => {
  it('name a hand-written form the SPA has, or texts the catalogue holds', () => {
    for (const { form } of nodeDefinitions) {
      if ('custom' in form) {
        expect(customFormNames).toContain(form.custom);
        continue;
      }
      const codes = flatWidgets(form.widgets).flatMap((widget) => {
        if (widget.widget === 'note') return [widget.text];
        if (widget.widget === 'recipients') return Object.values(widget.labels);
        if (widget.widget === 'row' || widget.widget === 'attachment' || widget.widget === 'work-app-sync')
          return [];
        const choices = 'choices' in widget ? widget.choices.map((choice) => choice.label) : [];
        const options = 'options' in widget ? widget.options.map((option) => option.label) : [];
        return [widget.label, ...(widget.hint ? [widget.hint] : []), ...choices, ...options];
      });
      for (const code of codes) expect(Object.keys(messages)).toContain(code);
    }
  });

  it('switch a union config’s variant keeping only the shared settings', () => {
    if ('custom' in delayNode.form) throw new Error('delay is declared');
    const variant = variantOf(delayNode.form.widgets);
    const duration = { name: 'Chờ', mode: 'duration', amount: 3, unit: 'hours' };
    expect(switchVariant({ widget: variant, config: duration, value: 'until_field' })).toEqual({
      name: 'Chờ',
      mode: 'until_field',
      field: '',
      offsetDays: 0,
    });
  });

  it.each([
    [{ mode: 'duration' }, { mode: 'duration' }, true],
    [{ mode: 'duration' }, { mode: 'until_field' }, false],
    [{ templateId: null }, { templateId: null }, true],
    [{ templateId: null }, {}, true],
    [{ templateId: null }, { templateId: 'tpl-1' }, false],
  ])('shows a widget when %j holds of %j: %s', (when, config, shown) => {
    expect(widgetShown({ widget: 'note', text: 'form.name', when }, config)).toBe(shown);
  });

  it('refuses a setting the config does not have, at compile time', () => {
    const declared = defineNode({
      type: 'typo',
      category: 'action',
      labelVi: 'x',
      labelEn: 'x',
      descriptionVi: 'x',
      descriptionEn: 'x',
      icon: 'x',
      modules: 'all',
      kinds: ['event'],
      configSchema: z.object({ name: z.string() }),
      version: 1,
      // @ts-expect-error: the config has no `nmae`
      form: { widgets: [{ widget: 'text', key: 'nmae', label: 'form.name' }] },
      labels: {},
      defaults: () => ({ name: '' }),
      summary: () => '',
      mergeFieldTexts: () => [],
    });
    expect(declared.type).toBe('typo');
  });
});
