import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../src/project-root';
import { screenshotPath } from '../helpers/chromium';
import { useTestGraph } from '../helpers/test-graph';
import { useWorkbench } from '../helpers/workbench';

// The workbench as a researcher meets it, in real Chromium, on the fixture graph.

useTestGraph();
const workbench = useWorkbench();
const hosts = new Set<string>();

async function open(url: string, options: { bypassCSP?: boolean } = {}): Promise<Page> {
  const context = await workbench.browser().newContext({ viewport: { width: 1280, height: 800 }, ...options });
  const page = await context.newPage();
  page.on('request', (request) => hosts.add(new URL(request.url()).host));
  await page.goto(`${workbench.api().url}${url}`);
  return page;
}

describe('the workbench', () => {
  it('finds UNESCO by its misspelling and opens its page', async () => {
    const page = await open('/');
    await page.getByLabel('Search the graph').fill('UNECO');
    const hit = page.locator('#results a').first();
    await hit.waitFor({ timeout: 15_000 });
    expect(await hit.innerText()).toBe('UNESCO');
    await page.screenshot({ path: screenshotPath('workbench-home.png') });
    await hit.click();
    await page.getByRole('heading', { level: 1, name: 'UNESCO' }).waitFor({ timeout: 15_000 });
    expect(page.url()).toBe(`${workbench.api().url}/entity/org%3Aunesco`);
  });

  it("shows Mobile Learning Week 2019's four organizers, each with its quote, and opens a quote in its document", async () => {
    const page = await open('/entity/event:mlw-2019');
    const organized = page.getByRole('region', { name: 'ORGANIZED' });
    await organized.waitFor({ timeout: 15_000 });
    const facts = organized.locator('li.fact');
    expect(await facts.count()).toBe(4);
    for (let i = 0; i < 4; i++) expect(await facts.nth(i).locator('a.quote').count()).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('workbench-entity.png') });
    const quote = (await facts.first().locator('a.quote').first().innerText()).replace(/^“|”$/g, '');
    await facts.first().locator('a.quote').first().click();
    const mark = page.locator('mark#quote');
    await mark.waitFor({ timeout: 15_000 });
    expect((await mark.innerText()).replace(/\s+/g, ' ')).toBe(quote.replace(/\s+/g, ' '));
    expect(await page.locator('#citation').innerText()).toMatch(/Quoted|Copy retrieved/);
    await page.screenshot({ path: screenshotPath('workbench-document.png') });
  });

  it("draws ICHEI's network in the shared style, and a click on an edge shows its evidence", async () => {
    const page = await open('/network/org:ichei');
    const network = page.locator('#network');
    await network.locator('canvas').first().waitFor({ timeout: 15_000 });
    const drawn = await page.evaluate(() => {
      const cy = (globalThis as unknown as { workbenchGraph: any }).workbenchGraph;
      const huawei = cy.getElementById('org:huawei');
      return { nodes: cy.nodes().length, huaweiColour: huawei.data('colour') };
    });
    expect(drawn.nodes).toBeGreaterThan(5);
    // The colour Neo4j Browser's style gives an Organization.
    expect(drawn.huaweiColour).toBe('#4C8EDA');
    await page.evaluate(() => {
      const cy = (globalThis as unknown as { workbenchGraph: any }).workbenchGraph;
      cy.edges('[type = "PARTNER_OF"]').first().emit('tap');
    });
    const panel = page.locator('#network-panel');
    await panel.locator('a.quote').first().waitFor({ timeout: 15_000 });
    expect(await panel.locator('h2').innerText()).toMatch(/partner of/);
    await page.screenshot({ path: screenshotPath('workbench-network.png') });
    // The view saves as SVG: vector shapes with the entities' names as text.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save as SVG' }).click()]);
    expect(download.suggestedFilename()).toBe('network-org-ichei.svg');
    const svg = fs.readFileSync((await download.path())!, 'utf8');
    expect(svg).toMatch(/^<\?xml[^>]*>\s*<svg|^<svg/);
    expect(svg).toMatch(/>Huawei</);
    // A click on a node adds its neighbours: the week's organizers are two hops from ICHEI.
    const before = Number(await network.getAttribute('data-nodes'));
    await page.evaluate(() => (globalThis as unknown as { workbenchGraph: any }).workbenchGraph.getElementById('event:mlw-2019').emit('tap'));
    let after = before;
    for (let i = 0; i < 60 && after <= before; i++) {
      await page.waitForTimeout(250);
      after = Number(await network.getAttribute('data-nodes'));
    }
    expect(after).toBeGreaterThan(before);
  });

  it('keeps only the facts valid at an "as of" date', async () => {
    const count = async (url: string) => {
      const page = await open(url);
      await page.locator('#network canvas').first().waitFor({ timeout: 15_000 });
      return Number(await page.locator('#network').getAttribute('data-nodes'));
    };
    const all = await count('/network/org:ichei');
    const before = await count('/network/org:ichei?depth=1&asOf=2018');
    // Its data downloads hold the same date.
    const page = await open('/network/org:ichei?depth=1&asOf=2018');
    expect(await page.getByRole('link', { name: 'GraphML' }).getAttribute('href')).toBe('/export/graphml?neighbourhood=org%3Aichei&depth=1&asOf=2018');
    // ICHEI's attendance of the 2019 week is dated; its partnerships are not, and stay.
    expect(before).toBeLessThan(all);
    expect(before).toBeGreaterThan(1);
  });

  it('draws the paths between two actors named as a researcher types them, with a quote per hop', async () => {
    const page = await open('/paths?from=Huawei&to=International%20Telecommunication%20Union');
    const hops = page.locator('section.path li.hop');
    await hops.first().waitFor({ timeout: 15_000 });
    for (let i = 0; i < (await hops.count()); i++) expect(await hops.nth(i).locator('a.quote').count()).toBe(1);
    expect(Number(await page.locator('#paths-drawing').getAttribute('data-hops'))).toBeGreaterThan(1);
    // Hops read as the facts were stated: ITU organized the week, not the other way round.
    expect((await hops.allInnerTexts()).join('\n')).toMatch(/International Telecommunication Union organized/);
    await page.locator('#paths-drawing canvas').first().waitFor();
    await page.screenshot({ path: screenshotPath('workbench-paths.png') });
  });

  it('ranks who attended the same events as ICHEI, with the shared events', async () => {
    const page = await open('/interlocks/org:ichei');
    const rows = page.locator('table.interlocks tbody tr');
    await rows.first().waitFor({ timeout: 15_000 });
    expect(await rows.count()).toBeGreaterThan(2);
    const counts = await rows.locator('td:nth-child(2)').allInnerTexts();
    expect(counts.map(Number)).toEqual([...counts.map(Number)].sort((a, b) => b - a));
  });

  it('opens entity and network pages with the answer the API sent inside them, asking the API nothing more', async () => {
    for (const [url, ready] of [
      ['/entity/event:mlw-2019', 'li.fact'],
      ['/network/org:ichei?depth=2', '#network canvas'],
    ] as const) {
      const context = await workbench.browser().newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      const asked: string[] = [];
      page.on('request', (request) => asked.push(new URL(request.url()).pathname));
      await page.goto(`${workbench.api().url}${url}`);
      await page.locator(ready).first().waitFor({ timeout: 15_000 });
      expect(await page.locator('#page-answer').count()).toBe(0); // read, and taken out of the page
      expect({ url, asked: asked.filter((p) => p === '/graphql') }).toEqual({ url, asked: [] });
      expect(asked).toContain('/app/main.js'); // the listener saw the page's requests
      await context.close();
    }
  });

  it('keeps markup smuggled into an address out of the page it answers with', async () => {
    const url = `/network/org:ichei?asOf=${encodeURIComponent('</script><script>window.smuggled=1</script>')}`;
    const html = await (await fetch(`${workbench.api().url}${url}`, { headers: { accept: 'text/html' } })).text();
    expect(html).toContain('<script type="application/json" id="page-answer">');
    expect(html).not.toContain('<script>window.smuggled');
    const page = await open(url);
    await page.getByRole('alert').waitFor({ timeout: 15_000 });
    expect(await page.getByRole('alert').innerText()).toMatch(/asOf/);
    expect(await page.evaluate(() => (globalThis as { smuggled?: number }).smuggled)).toBeUndefined();
  });

  it('says when an entity does not exist', async () => {
    const page = await open('/entity/org:nobody');
    await page.getByRole('heading', { level: 1, name: 'Not found' }).waitFor({ timeout: 15_000 });
  });

  it('leads a browser from the GraphQL address to GraphiQL, which runs a README example', async () => {
    const page = await open('/graphql');
    expect(page.url()).toBe(`${workbench.api().url}/graphiql`);
    await page.locator('.graphiql-container').waitFor({ timeout: 20_000 });
    expect(await page.locator('.graphiql-tab').first().innerText()).toMatch(/PartnersAttendance/);
    await page.locator('.graphiql-execute-button').click();
    await page.locator('.result-window').getByText('"partnersAttendance"').waitFor({ timeout: 20_000 });
    await page.screenshot({ path: screenshotPath('workbench-graphiql.png') });
  });

  it('has no serious or critical accessibility violation (axe-core) on its pages', async () => {
    for (const url of ['/', '/entity/event:mlw-2019', '/document/doc:ichei-mlw-2019?start=247&end=340', '/interlocks/org:ichei', '/paths?from=Huawei&to=ITU']) {
      // axe is injected as a script, which the pages' own policy would refuse.
      const page = await open(url, { bypassCSP: true });
      await page.locator('h1').first().waitFor({ timeout: 15_000 });
      await page.addScriptTag({ path: path.join(PROJECT_ROOT, 'node_modules', 'axe-core', 'axe.min.js') });
      const violations = await page.evaluate(async () => {
        const result = await (globalThis as unknown as { axe: { run: () => Promise<{ violations: { id: string; impact: string }[] }> } }).axe.run();
        return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact}: ${v.id}`);
      });
      expect({ url, violations }).toEqual({ url, violations: [] });
    }
  });

  it('made every request to its own origin', () => {
    expect([...hosts]).toEqual([new URL(workbench.api().url).host]);
  });
});
