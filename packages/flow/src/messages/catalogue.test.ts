import { describe, expect, it } from 'vitest';
import { messages, render, text } from './catalogue.ts';
import { defineCatalogue, placeholdersOf } from './define-catalogue.ts';

const entries = Object.entries(messages);

describe('the message catalogue', () => {
  it.each(entries)('%s has a Vietnamese and an English text with the same parameters', (_code, entry) => {
    expect(entry.vi.trim()).not.toBe('');
    expect(entry.en.trim()).not.toBe('');
    expect(placeholdersOf(entry.vi).sort()).toEqual(placeholdersOf(entry.en).sort());
  });

  it.each(entries.filter(([code]) => code.endsWith('_one')))(
    '%s is the singular of a plural code',
    (code) => {
      expect(Object.keys(messages)).toContain(code.slice(0, -'_one'.length));
    },
  );

  it.each([
    ['error.', 35],
    ['request.', 30],
    ['summary.', 50],
    ['operator.', 22],
  ] as const)('holds the %s texts the server and the steps show', (prefix, atLeast) => {
    expect(Object.keys(messages).filter((code) => code.startsWith(prefix)).length).toBeGreaterThanOrEqual(
      atLeast,
    );
  });

  it('fills parameters, reading a bilingual one in the same language', () => {
    const field = { vi: 'mẫu in để đính kèm', en: 'the print template to attach' };
    expect(text('config.choose', { field })).toEqual({
      vi: 'chưa chọn mẫu in để đính kèm.',
      en: 'choose the print template to attach.',
    });
    expect(render('en', 'config.text_too_long', { field, max: 200 })).toBe(
      'shorten the print template to attach to at most 200 characters.',
    );
    expect(render('vi', 'validation.trigger_missing')).toContain("bước 'Khi nào'");
  });

  it('refuses wrong parameters and mismatched languages at compile time', () => {
    // @ts-expect-error: `config.choose` takes `field`, not `feld`
    expect(text('config.choose', { feld: 'x' }).vi).toBe('chưa chọn {field}.');
    // @ts-expect-error: a code with parameters cannot be rendered without them
    expect(render('vi', 'config.enter')).toBe('chưa nhập {field}.');
    // @ts-expect-error: the two languages name different placeholders
    const mismatched = defineCatalogue({ bad: { vi: 'Xin chào {name}', en: 'Hello {who}' } });
    expect(Object.keys(mismatched)).toEqual(['bad']);
  });
});
