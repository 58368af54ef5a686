import { FlowGraph } from '@crmflow/flow';

/** `<name>.json`, with the characters file systems refuse replaced; Vietnamese letters are kept. */
export function exportFileName(name: string): string {
  const safe = [...name]
    .map((char) => (char.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(char) ? '-' : char))
    .join('')
    .replace(/-+/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
  return `${safe || 'workflow'}.json`;
}

/** The graph as exported: the public JSON contract of docs/graph-contract.md, indented for people to read. */
export function graphFileText(graph: FlowGraph): string {
  return `${JSON.stringify(graph, null, 2)}\n`;
}

export type GraphFileResult =
  | { ok: true; graph: FlowGraph }
  | { ok: false; notJson: boolean; problems: string[] };

/**
 * A file to import, checked with the flow's schema. A whole workflow (`{ graph: … }`, as the API
 * answers) is accepted too. Problems name where they are: `nodes.2.position.x: …`.
 */
export function parseGraphFile(text: string): GraphFileResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, notJson: true, problems: [] };
  }
  const candidate =
    typeof data === 'object' && data !== null && 'graph' in data && !('nodes' in data) ? data.graph : data;
  const parsed = FlowGraph.safeParse(candidate);
  if (parsed.success) return { ok: true, graph: parsed.data };
  return {
    ok: false,
    notJson: false,
    problems: parsed.error.issues.map((issue) =>
      issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
    ),
  };
}

export function downloadText(args: { fileName: string; text: string }): void {
  const url = URL.createObjectURL(new Blob([args.text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = args.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by now; the object URL is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
