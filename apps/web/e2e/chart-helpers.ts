import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Helpers of the story suite for the chart, the findings and the session store. */

/** Every finding of the open scenario as `code:subject`. */
export async function findingKeys(p: Page): Promise<string[]> {
  return p.evaluate(() => {
    const s = (
      window as unknown as {
        __reorg: {
          session: { getState(): { analysis: { findings: { code: string; subject: { id: string } }[] } } };
        };
      }
    ).__reorg.session.getState();
    return s.analysis.findings.map((f) => `${f.code}:${f.subject.id}`).sort();
  });
}

/** Steps on the undo stack (a drag is one step, each open req one). */
export async function undoSteps(p: Page): Promise<number> {
  return p.evaluate(() => {
    const w = window as unknown as { __reorg: { session: { getState(): { undoStack: unknown[] } } } };
    return w.__reorg.session.getState().undoStack.length;
  });
}

/** Waits until the scenario's analysis has caught up with the last change (no full analysis pending). */
export async function analysed(p: Page): Promise<void> {
  await p.waitForFunction(() => {
    const w = window as unknown as { __reorg: { session: { getState(): { analysisPending: boolean } } } };
    return !w.__reorg.session.getState().analysisPending;
  });
}

/** Focuses one person with "find me" from the sidebar search. */
export async function findMe(p: Page, query: string, expected: string): Promise<void> {
  await p.getByPlaceholder(/Find a person/).fill(query);
  await p.waitForSelector('[role="option"]');
  await p.keyboard.press('Enter');
  const bar = p.getByRole('region', { name: /Where .* sits/ });
  await expect.poll(() => bar.textContent()).toContain(expected);
}

/** Zooms out until every selector is on screen (the chart only renders what is in view). */
export async function bringIntoView(p: Page, selectors: string[]): Promise<void> {
  for (let k = 0; k < 12; k++) {
    const inView = await p.evaluate((sels) => {
      const canvas = document.querySelector('.org-canvas')!.getBoundingClientRect();
      return sels.every((s) => {
        const r = document.querySelector(s)?.getBoundingClientRect();
        return (
          r &&
          r.left >= canvas.left &&
          r.right <= canvas.right &&
          r.top >= canvas.top &&
          r.bottom <= canvas.bottom - 60
        );
      });
    }, selectors);
    if (inView) return;
    await p.click('.react-flow__controls-zoomout');
    await p.waitForTimeout(150);
  }
  throw new Error(`not in view: ${selectors.join(', ')}`);
}

export async function centreOf(p: Page, selector: string) {
  const r = await p.locator(selector).first().boundingBox();
  if (!r) throw new Error(`no box for ${selector}`);
  return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
}
