/**
 * A value the server described (a test preview, a step's input or output) shown as text: plain
 * values as they are, objects as a list of their keys, deeper parts as indented JSON. HTML
 * bodies are shown as their source, never rendered, so nothing in them runs.
 */
export function ValueView({ value }: { value: unknown }) {
  if (value === undefined || value === null || value === '') return <span className="muted">—</span>;
  if (typeof value === 'string') return <pre className="value-view__text">{value}</pre>;
  if (typeof value !== 'object') return <span>{String(value)}</span>;
  if (Array.isArray(value)) {
    return value.every((item) => typeof item !== 'object' || item === null) ? (
      <span>{value.map(String).join(', ')}</span>
    ) : (
      <pre className="value-view__json">{JSON.stringify(value, null, 2)}</pre>
    );
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return <span className="muted">—</span>;
  return (
    <dl className="value-view">
      {entries.map(([key, item]) => (
        <div key={key} className="value-view__row">
          <dt>{key}</dt>
          <dd>
            {typeof item === 'object' && item !== null ? (
              <pre className="value-view__json">{JSON.stringify(item, null, 2)}</pre>
            ) : (
              <ValueView value={item} />
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
