import axe from 'axe-core';
import type { Page } from 'playwright-core';

type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] };

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export type AxeFinding = { id: string; impact: string | null; help: string; targets: string[] };

/**
 * Runs axe-core (WCAG 2.x A and AA rules) on what the page shows now and answers the critical
 * and serious violations. The engine is evaluated through the debugging protocol, not added as a
 * script tag, so a Content-Security-Policy of the app does not stand in its way.
 */
export async function seriousAxeViolations(page: Page): Promise<AxeFinding[]> {
  // Once per document: a page the SPA only routed within still has the engine.
  if (!(await page.evaluate<boolean>(`typeof axe !== 'undefined'`))) await page.evaluate(axe.source);
  // A string, evaluated in the page: this package is compiled without the DOM's types.
  const violations = await page.evaluate<AxeViolation[]>(
    `axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG_TAGS)} } }).then((result) => result.violations)`,
  );
  return violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => String(n.target[0])),
    }));
}
