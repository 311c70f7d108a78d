// The same launch as the Chromium tests: Debian's Chromium with the flags this closed network needs.
import type { Page } from 'playwright-core';
import { launchChromium } from '../tests/helpers/chromium';

export interface PageTimings {
  /** Median ms from navigation to the entity page painted with its first facts. */
  entityMs: number;
  /** Median ms from navigation to the network view laid out and painted. */
  networkMs: number;
  networkNodes: number;
  runs: number;
}

/** When the page marked its content painted (src/workbench/app/dom.ts markShown), in ms from the start of navigation. */
async function shownAt(page: Page, mark: string): Promise<number> {
  await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, mark, { timeout: 60_000, polling: 50 });
  return page.evaluate((name) => performance.getEntriesByName(name)[0]!.startTime, mark);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Times the workbench in headless Chromium: the entity page of `hub` and its depth-2 network of up to 500 nodes, each
 * measured in the page from the start of navigation (performance.now()), in fresh pages, `runs` times (nine by
 * default: single loads on a busy two-core machine vary by a third, and the median of five moved with them).
 */
export async function timePages(baseUrl: string, hub: string, runs = 9): Promise<PageTimings> {
  const browser = await launchChromium();
  const entity: number[] = [];
  const network: number[] = [];
  let networkNodes = 0;
  try {
    for (let i = 0; i < runs + 1; i++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(`${baseUrl}/entity/${encodeURIComponent(hub)}`, { waitUntil: 'commit' });
      const entityMs = await shownAt(page, 'workbench:entity');
      await page.goto(`${baseUrl}/network/${encodeURIComponent(hub)}?depth=2&limit=500`, { waitUntil: 'commit' });
      const networkMs = await shownAt(page, 'workbench:network');
      networkNodes = Number(await page.locator('#network').getAttribute('data-nodes'));
      await page.close();
      // The first run warms the API, the bundles and Chromium's caches; it is not counted.
      if (i > 0) {
        entity.push(entityMs);
        network.push(networkMs);
      }
    }
  } finally {
    await browser.close();
  }
  return { entityMs: median(entity), networkMs: median(network), networkNodes, runs };
}
