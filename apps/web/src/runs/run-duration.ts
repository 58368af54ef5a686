/** The parts of a duration the run history shows, largest unit first; `null` when it is unknown. */
export type DurationParts =
  | { unit: 'ms'; value: number }
  | { unit: 'seconds'; value: number }
  | { unit: 'minutes'; m: number; s: number }
  | { unit: 'hours'; h: number; m: number };

/**
 * How long a run took, from start to finish; a run still going is measured up to `now`.
 * Seconds keep one decimal under ten ("2,4 giây") and are whole above.
 */
export function runDuration(args: {
  startedAt: string | null | undefined;
  finishedAt: string | null | undefined;
  now?: number;
}): DurationParts | null {
  if (!args.startedAt) return null;
  const start = Date.parse(args.startedAt);
  const end = args.finishedAt ? Date.parse(args.finishedAt) : (args.now ?? Date.now());
  if (Number.isNaN(start) || Number.isNaN(end) || end < start) return null;
  const ms = end - start;
  if (ms < 1000) return { unit: 'ms', value: ms };
  if (ms < 10_000) return { unit: 'seconds', value: Math.floor(ms / 100) / 10 };
  const seconds = Math.floor(ms / 1000);
  if (seconds < 60) return { unit: 'seconds', value: seconds };
  if (seconds < 3600) return { unit: 'minutes', m: Math.floor(seconds / 60), s: seconds % 60 };
  return { unit: 'hours', h: Math.floor(seconds / 3600), m: Math.floor((seconds % 3600) / 60) };
}
