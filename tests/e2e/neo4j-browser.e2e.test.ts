import type { Browser } from 'playwright-core';
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
  });
});
