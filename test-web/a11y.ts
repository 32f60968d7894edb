// Automated accessibility audit with axe-core, injected into the page under test (no CDN, no browser extension).
import type { AxeResults, ImpactValue, Result } from 'axe-core';
import { readFileSync } from 'node:fs';
import { Page } from 'playwright-core';

const AXE_SOURCE = require.resolve('axe-core/axe.min.js');
const BLOCKING: readonly ImpactValue[] = ['serious', 'critical'];

export interface Audit {
  page: string;
  violations: Result[];
}

/** Every rule axe runs by default (WCAG 2.x A/AA and best practices) on the page as it is now. */
export async function audit(page: Page, name: string): Promise<Audit> {
  // Evaluated over the DevTools protocol: the portal's CSP (script-src 'self') rightly refuses an injected <script>.
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(readFileSync(AXE_SOURCE, 'utf8'));
  const results = (await page.evaluate('window.axe.run(document, { resultTypes: ["violations"] })')) as AxeResults;
  return { page: name, violations: results.violations };
}

export function describeViolations(audits: Audit[], impacts: readonly ImpactValue[] = BLOCKING): string {
  return audits
    .flatMap((a) =>
      a.violations
        .filter((v) => impacts.includes(v.impact ?? 'minor'))
        .map(
          (v) =>
            `${a.page}: [${v.impact}] ${v.id} — ${v.help}\n${v.nodes
              .slice(0, 5)
              .map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.replace(/\n/g, ' ')}`)
              .join('\n')}`,
        ),
    )
    .join('\n');
}

/** Fails on serious or critical violations, with the rule, the elements and what is wrong. */
export async function expectAccessible(page: Page, name: string): Promise<Audit> {
  const result = await audit(page, name);
  const blocking = describeViolations([result]);
  if (blocking) throw new Error(`accessibility violations on ${page.url()}:\n${blocking}`);
  return result;
}
