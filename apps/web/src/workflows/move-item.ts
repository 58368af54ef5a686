/**
 * `ids` with the one at `from` moved to `to`, the others keeping their relative order: dropping a
 * row on another puts it in that row's place. Out-of-range positions leave the list as it was.
 */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const copy = [...items];
  if (from < 0 || from >= copy.length || to < 0 || to >= copy.length || from === to) return copy;
  const [moved] = copy.splice(from, 1);
  if (moved !== undefined) copy.splice(to, 0, moved);
  return copy;
}
