/** Inputs and outputs kept on a step are capped: the run history is for people, not a data store. */
export const MAX_STEP_PAYLOAD_BYTES = 16 * 1024;

/**
 * The value as stored on a step: itself when its JSON fits, otherwise a marker with the start of
 * the JSON so the history still shows what it was.
 */
export function capPayload(value: unknown, maxBytes = MAX_STEP_PAYLOAD_BYTES): unknown {
  if (value === undefined) return null;
  const json = JSON.stringify(value) ?? 'null';
  const bytes = Buffer.byteLength(json, 'utf8');
  if (bytes <= maxBytes) return value;
  const head = Buffer.from(json, 'utf8')
    .subarray(0, maxBytes - 512)
    .toString('utf8');
  return { truncated: true, bytes, preview: head };
}
