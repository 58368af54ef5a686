import { describe, expect, it } from 'vitest';
import { coalesceMs, createEditHistory } from './edit-history.ts';
import type { EditorDoc, EditorNode } from './editor-types.ts';

const node = (id: string): EditorNode => ({
  id,
  type: 'action',
  position: { x: 0, y: 0 },
  data: { nodeType: 'notify', config: {} },
});

/** An edit history over a plain document; `steps` are the documents an undo would go back to. */
function setup() {
  let doc: EditorDoc = { nodes: [], edges: [] };
  const steps: EditorDoc[] = [];
  let recording = false;
  let clock = 0;
  const history = createEditHistory({
    set: (next) => {
      if (recording) steps.push(doc);
      doc = { ...doc, ...next };
    },
    get: () => doc,
    tracking: () => ({
      pause: () => {
        recording = false;
      },
      resume: () => {
        recording = true;
      },
      undo: () => {},
      redo: () => {},
      clear: () => {
        steps.length = 0;
      },
    }),
    now: () => clock,
  });
  const at = (ms: number) => {
    clock = ms;
  };
  return { history, steps, at, doc: () => doc };
}

describe('edit history: which commits are one undo step', () => {
  it.each([
    {
      why: 'one key, each within the window of the last',
      commits: [
        ['k', 0],
        ['k', 600],
        ['k', 1500],
      ],
      steps: 1,
    },
    {
      why: 'one key, a pause as long as the window',
      commits: [
        ['k', 0],
        ['k', coalesceMs],
      ],
      steps: 2,
    },
    {
      why: 'two nodes typed into in turn',
      commits: [
        ['config:n1', 0],
        ['config:n2', 100],
      ],
      steps: 2,
    },
    {
      why: 'edits without a key',
      commits: [
        [undefined, 0],
        [undefined, 100],
      ],
      steps: 2,
    },
    {
      why: 'a keyless edit between two of one key',
      commits: [
        ['k', 0],
        [undefined, 100],
        ['k', 200],
      ],
      steps: 3,
    },
  ] satisfies { why: string; commits: [string | undefined, number][]; steps: number }[])(
    '$why: $steps',
    ({ commits, steps: expected }) => {
      const { history, steps, at } = setup();
      commits.forEach(([key, ms], index) => {
        at(ms);
        history.commit({ nodes: [node(`n${index}`)] }, key);
      });
      expect(steps).toHaveLength(expected);
    },
  );

  it('starts a new step after clearing, whatever the key', () => {
    const { history, steps } = setup();
    history.commit({ nodes: [node('a')] }, 'k');
    history.clear();
    history.commit({ nodes: [node('b')] }, 'k');
    expect(steps).toHaveLength(1);
  });
});

describe('edit history: drags', () => {
  it('hands back the document a drag started from once, and knows whether one is under way', () => {
    const { history } = setup();
    const origin = { nodes: [node('a')], edges: [] };
    expect(history.dragging).toBe(false);
    history.beginDrag(origin);
    expect(history.dragging).toBe(true);
    expect(history.endDrag()).toBe(origin);
    expect(history.dragging).toBe(false);
    expect(history.endDrag()).toBeNull();
  });

  it('records where the state moved on from as the step to undo to, and keeps where it is now', () => {
    const { history, steps, doc } = setup();
    const before = { nodes: [node('before')], edges: [] };
    history.commit({ nodes: [node('after')] });
    steps.length = 0;
    history.recordSince(before);
    expect(steps).toEqual([before]);
    expect(doc().nodes.map((each) => each.id)).toEqual(['after']);
  });

  it('forgets a drag under way when cleared', () => {
    const { history } = setup();
    history.beginDrag({ nodes: [], edges: [] });
    history.clear();
    expect(history.endDrag()).toBeNull();
  });
});
