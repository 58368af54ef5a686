import { describe, expect, it } from 'vitest';
import { exportFileName, graphFileText, parseGraphFile } from './graph-file.ts';
import { isTextTarget, shortcutOf } from './useEditorShortcuts.ts';

const key = (
  key: string,
  mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {},
) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('editor shortcuts', () => {
  it.each([
    [key('z', { ctrlKey: true }), 'undo'],
    [key('Z', { ctrlKey: true, shiftKey: true }), 'redo'],
    [key('y', { ctrlKey: true }), 'redo'],
    [key('z', { metaKey: true }), 'undo'],
    [key('c', { ctrlKey: true }), 'copy'],
    [key('v', { metaKey: true }), 'paste'],
    [key('z'), null],
    [key('v', { ctrlKey: true, altKey: true }), null],
    [key('Delete'), null],
    [key('c'), 'connect'],
    [key('C', { shiftKey: true }), null],
    [key('c', { altKey: true }), null],
    [key('?', { shiftKey: true }), 'help'],
    [key('y', { shiftKey: true }), null],
  ])('%j asks for %s', (event, expected) => {
    expect(shortcutOf(event)).toBe(expected);
  });

  const element = (html: string) => {
    const holder = document.createElement('div');
    holder.innerHTML = html;
    return holder.firstElementChild;
  };
  it.each([
    ['<input type="text">', true],
    ['<input type="search">', true],
    ['<input type="number">', true],
    ['<textarea></textarea>', true],
    ['<div contenteditable="true"></div>', true],
    ['<input type="checkbox">', false],
    ['<input type="radio">', false],
    ['<select><option>a</option></select>', false],
    ['<button type="button">Lưu</button>', false],
    ['<div class="react-flow__node" tabindex="0"></div>', false],
  ])("%s keeps the browser's own undo: %s", (html, typing) => {
    const target = element(html);
    if (target instanceof HTMLElement && target.hasAttribute('contenteditable')) {
      // jsdom does not compute isContentEditable; the browser does.
      Object.defineProperty(target, 'isContentEditable', { value: true });
    }
    expect(isTextTarget(target)).toBe(typing);
  });
});

describe('graph files', () => {
  const graph = {
    nodes: [{ id: 'n1', type: 'trigger', position: { x: 0, y: 0 }, config: { on: 'create' } }],
    edges: [],
  };

  it.each([
    ['Gửi email: xác nhận / giao hàng', 'Gửi email- xác nhận - giao hàng.json'],
    ['   ', 'workflow.json'],
    ['Chăm sóc sinh nhật', 'Chăm sóc sinh nhật.json'],
  ])('names the export of %j %j', (name, expected) => {
    expect(exportFileName(name)).toBe(expected);
  });

  it('reads back what it exports, and a whole workflow as the API answers it', () => {
    expect(parseGraphFile(graphFileText(graph))).toEqual({ ok: true, graph });
    expect(parseGraphFile(JSON.stringify({ id: 'w1', name: 'x', graph }))).toEqual({ ok: true, graph });
  });

  it('names where a file breaks the schema, and tells JSON from not', () => {
    const broken = parseGraphFile(
      JSON.stringify({ nodes: [{ id: 'n1', type: 'trigger', position: { x: 'a' } }], edges: {} }),
    );
    expect(broken.ok).toBe(false);
    if (broken.ok) return;
    expect(broken.notJson).toBe(false);
    expect(broken.problems.some((problem) => problem.startsWith('nodes.0.position.x'))).toBe(true);
    expect(broken.problems.some((problem) => problem.startsWith('edges'))).toBe(true);
    expect(parseGraphFile('{ nodes')).toEqual({ ok: false, notJson: true, problems: [] });
  });
});
