import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateSeed } from '../../bench/generate';
import { screenshotPath } from '../helpers/chromium';
import { useTestGraph } from '../helpers/test-graph';
import { useWorkbench } from '../helpers/workbench';

// The network view at its largest (500 entities and thousands of facts), on the benchmark generator's graph: it is
// drawn whole, fits the screen, and still answers clicks. How fast is the benchmark's business (npm run bench).

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'workbench-large-'));
const generated = generateSeed({ relationships: 4_000, seed: 42, dir });
useTestGraph(generated.dir);
const workbench = useWorkbench();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the network view with 500 entities', () => {
  it('draws all of them inside the view, says it was cut, and shows an edge’s evidence on click', async () => {
    const context = await workbench.browser().newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${workbench.api().url}/network/${encodeURIComponent(generated.probes.hub)}?depth=2&limit=500`);
    await page.locator('#network[data-nodes]').waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => performance.getEntriesByName('workbench:network').length > 0, null, { timeout: 60_000 });
    const view = await page.evaluate(() => {
      const cy = (globalThis as unknown as { workbenchGraph: any }).workbenchGraph;
      const box = cy.nodes().renderedBoundingBox({ includeLabels: false });
      const positions = cy.nodes().map((n: any) => n.position());
      const distinct = new Set(positions.map((p: any) => `${Math.round(p.x)},${Math.round(p.y)}`)).size;
      return { nodes: cy.nodes().length, edges: cy.edges().length, width: cy.width(), height: cy.height(), box, distinct };
    });
    expect(view.nodes).toBe(501);
    expect(view.edges).toBeGreaterThan(1000);
    // Laid out, not piled up: every entity has a place of its own, and the whole drawing fits the view.
    expect(view.distinct).toBeGreaterThan(495);
    expect(view.box.x1).toBeGreaterThanOrEqual(0);
    expect(view.box.y1).toBeGreaterThanOrEqual(0);
    expect(view.box.x2).toBeLessThanOrEqual(view.width);
    expect(view.box.y2).toBeLessThanOrEqual(view.height);
    expect(await page.getByText('(cut at 500 entities)').count()).toBe(1);
    await page.screenshot({ path: screenshotPath('workbench-network-500.png') });
    await page.evaluate(() => (globalThis as unknown as { workbenchGraph: any }).workbenchGraph.edges().first().emit('tap'));
    await page.locator('#network-panel a.quote').first().waitFor({ timeout: 15_000 });
    await context.close();
  });
});
