import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { PROJECT_ROOT } from '../../src/project-root';
import { startApi, type RunningApi } from '../helpers/api';
import { useTestGraph } from '../helpers/test-graph';
import { launchChromium, screenshotPath } from '../helpers/chromium';
import { connectNeo4jBrowser, runInNeo4jBrowser } from '../helpers/neo4j-browser';

describe('Neo4j Browser served by the test database', () => {
  let browser: Browser;
  const browserUrl = process.env.TEST_NEO4J_BROWSER_URL;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('loads, connects with the configured credentials and runs RETURN 1', async () => {
    if (!browserUrl) throw new Error('The test database has no known Neo4j Browser URL (NEO4J_URI given without one).');
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await connectNeo4jBrowser(page, browserUrl, process.env.TEST_NEO4J_BOLT_URI!);
    await runInNeo4jBrowser(page, 'RETURN 1 AS answer');
    const frame = page.getByTestId('frame').filter({ hasText: 'RETURN 1 AS answer' }).first();
    await frame.getByText(/Started streaming 1 record/).waitFor({ timeout: 30_000 });
    await page.screenshot({ path: screenshotPath('neo4j-browser-return-1.png') });
    const text = await frame.innerText();
    expect(text).toMatch(/answer[\s\S]*\b1\b/);
    expect(text).not.toMatch(/error/i);
    // client.allow_telemetry=false reaches Browser: no usage-data banner.
    expect(await page.getByText(/we collect information on product usage/i).count()).toBe(0);
  });
});

describe('the project guide and style in Neo4j Browser', () => {
  useTestGraph();
  let browser: Browser;
  let api: RunningApi;
  const browserUrl = process.env.TEST_NEO4J_BROWSER_URL;

  beforeAll(async () => {
    api = await startApi();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  it('plays the guide from the API and draws ICHEI and its partners in the project style', async () => {
    if (!browserUrl) throw new Error('The test database has no known Neo4j Browser URL (NEO4J_URI given without one).');
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await connectNeo4jBrowser(page, browserUrl, process.env.TEST_NEO4J_BOLT_URI!);
    // Neo4j Browser fetches guides only from allow-listed hosts, localhost among them by default.
    const guideUrl = `${api.url.replace('127.0.0.1', 'localhost')}/browser/guide.html`;
    await runInNeo4jBrowser(page, `:play ${guideUrl}`);
    await page.getByText('Welcome to the education-policy actors graph').first().waitFor({ timeout: 30_000 });
    await page.screenshot({ path: screenshotPath('neo4j-browser-guide.png') });

    const grass = fs.readFileSync(path.join(PROJECT_ROOT, 'browser', 'style.grass'), 'utf8').replace(/\s*\n\s*/g, ' ');
    await runInNeo4jBrowser(page, `:style ${grass}`);
    await runInNeo4jBrowser(page, "MATCH (o:Organization {id: 'org:ichei'})-[r:PARTNER_OF]->(p) RETURN o, r, p");
    const organizationNodes = page.locator('svg circle[fill="#4C8EDA"]');
    await organizationNodes.first().waitFor({ timeout: 30_000 });
    expect(await organizationNodes.count()).toBe(3);
    await page.waitForTimeout(1500); // let the force layout settle before the picture
    await page.screenshot({ path: screenshotPath('neo4j-browser-styled-graph.png') });
    const captions = await page.locator('svg text').allTextContents();
    // The style captions PARTNER_OF with its kind (Browser shortens long captions) and nodes with their names.
    expect(captions.join(' ')).toMatch(/global strategic par/);
    expect(captions.map((c) => c.trim())).toContain('Huawei');
  });
});
