/** The focusable wrapper React Flow draws for a node, if it is drawn. */
export function stepElement(id: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`);
}

/**
 * Moves the keyboard focus to a step, waiting a few frames for a step just added to be drawn.
 * React Flow pans the view to a node that takes the focus, so the step comes into sight too.
 */
export function focusStep(id: string, framesLeft = 10): void {
  const element = stepElement(id);
  if (element) {
    element.focus();
    return;
  }
  if (framesLeft > 0) requestAnimationFrame(() => focusStep(id, framesLeft - 1));
}
