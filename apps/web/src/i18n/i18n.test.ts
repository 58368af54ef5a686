import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { vi } from './vi.ts';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const viKeys = flatten(vi);
const enKeys = flatten(en);
const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  it('have the same keys in Vietnamese and English', () => {
    expect([...enKeys.keys()].sort()).toEqual([...viKeys.keys()].sort());
  });

  it.each([...viKeys.keys()])('%s is filled in both languages with the same placeholders', (key) => {
    const viText = viKeys.get(key) ?? '';
    const enText = enKeys.get(key) ?? '';
    expect(viText.trim()).not.toBe('');
    expect(enText.trim()).not.toBe('');
    expect(placeholders(enText)).toEqual(placeholders(viText));
  });

  it.each([
    ['vi', viKeys],
    ['en', enKeys],
  ] as const)('name a workflow’s status in the editor as the list does (%s)', (_, keys) => {
    for (const status of ['active', 'inactive']) {
      expect(keys.get(`editor.header.${status}`)).toBe(keys.get(`workflows.status.${status}`));
    }
  });
});
