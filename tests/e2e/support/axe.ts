import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { TestPage } from './browsers';

const AXE_SOURCE = readFileSync(path.resolve('node_modules/axe-core/axe.min.js'), 'utf8');
/** WCAG 2.1 levels A and AA. */
export const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** axe-core's violations of `tags` (WCAG 2.1 AA unless told) on the page as it is now, as "rule: target". */
export async function axeViolations(page: TestPage, tags: string[] = WCAG_AA): Promise<string[]> {
  // Once per document: a second copy would replace the first's state mid-run.
  if (!(await page.evaluate(() => 'axe' in window, null))) await page.runScript(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    const axe = (
      window as unknown as {
        axe: { run(c: Document, o: object): Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }> };
      }
    ).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return r.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
  }, tags);
}
