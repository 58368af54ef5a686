import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderMergeFields } from './merge/render-merge-fields.ts';
import { standardModules } from './metadata/standard-modules.ts';
import { orderFlow } from './validate/test-graphs.ts';
import { validateGraph } from './validate/validate-graph.ts';

const catalog = standardModules;
const nasty = fc.oneof(
  fc.constantFrom(
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    "'",
    '&amp;',
    '\u0000',
    '\ud800',
    '__proto__',
  ),
  fc.string(),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 3 }),
);

/** A graph as a hostile client might send it: anything, or a valid one with parts replaced. */
const hostileGraph = fc.oneof(
  fc.jsonValue({ maxDepth: 6 }),
  fc
    .tuple(
      fc.constantFrom('nodes', 'edges', 'trigger', 'config', 'type', 'id', 'position', 'source', 'target'),
      nasty,
      fc.nat(5),
    )
    .map(([key, value, index]) => {
      const graph = JSON.parse(JSON.stringify(orderFlow())) as Record<string, unknown> & {
        nodes: Record<string, unknown>[];
        edges: Record<string, unknown>[];
      };
      const node = graph.nodes[index % graph.nodes.length] as Record<string, unknown>;
      if (key === 'nodes' || key === 'edges') graph[key] = value as never;
      else if (key === 'source' || key === 'target') {
        const edge = graph.edges[index % Math.max(graph.edges.length, 1)];
        if (edge) edge[key] = value;
      } else if (key === 'config' && typeof node.config === 'object' && node.config !== null) {
        const config = node.config as Record<string, unknown>;
        const field = Object.keys(config)[index % Math.max(Object.keys(config).length, 1)] ?? 'x';
        config[field] = value;
      } else node[key] = value;
      return graph;
    }),
);

describe('fuzzing pure logic', () => {
  it('the graph validator never throws, whatever it is given', () => {
    fc.assert(
      fc.property(
        hostileGraph,
        fc.constantFrom('event', 'schedule'),
        fc.constantFrom('order', 'contact', 'lead'),
        (graph, kind, module) => {
          const result = validateGraph({ graph, module, kind, catalog } as never);
          expect(typeof result.ok).toBe('boolean');
          expect(Array.isArray(result.errors)).toBe(true);
        },
      ),
      { numRuns: 400, seed: 1313 },
    );
  });

  const fields = catalog.order.fields.map((f) => f.key);
  const template = fc
    .array(
      fc.oneof(
        fc.stringMatching(/^[a-zA-Z0-9 .,:]{0,12}$/),
        fc.constantFrom(...fields).map((k) => ` #${k} `),
        fc.constant(' #contact_id.name '),
      ),
      {
        maxLength: 8,
      },
    )
    .map((parts) => `<p>${parts.join('')}</p>`);
  const recordOf = fc.dictionary(fc.constantFrom(...fields), nasty, { maxKeys: fields.length });

  it('merge rendering for HTML never lets a value add markup', () => {
    fc.assert(
      fc.property(template, recordOf, recordOf, (text, record, contact) => {
        const html = renderMergeFields({
          text,
          record,
          related: { contact_id: contact },
          module: catalog.order,
          catalog,
          locale: 'vi',
          timeZone: 'Asia/Ho_Chi_Minh',
          html: true,
        });
        const inner = html.slice('<p>'.length, -'</p>'.length);
        expect(html.startsWith('<p>') && html.endsWith('</p>')).toBe(true);
        expect(inner).not.toMatch(/[<>"]/);
        expect(inner.replace(/&(amp|lt|gt|quot|#39|#x27|#\d+);/g, '')).not.toContain('&');
      }),
      { numRuns: 400, seed: 1313 },
    );
  });
});
