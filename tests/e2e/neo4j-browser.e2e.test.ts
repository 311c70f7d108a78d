import type { Browser } from 'playwright-core';
import { startApi, type RunningApi } from '../helpers/api';
import { useTestGraph } from '../helpers/test-graph';
import { launchChromium, screenshotPath } from '../helpers/chromium';
import { connectNeo4jBrowser, runInNeo4jBrowser } from '../helpers/neo4j-browser';

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost']);

describe('Neo4j Browser served by the API', () => {
  let browser: Browser;
  let api: RunningApi;

  beforeAll(async () => {
    api = await startApi(undefined, { withNeo4jBrowser: true });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  it('loads, connects, runs RETURN 1, and reaches no host but this machine', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const external: { host: string; failure: string | undefined }[] = [];
    const answeredFrom = new Set<string>();
    const webSockets: string[] = [];
    page.on('request', (request) => {
      const { hostname } = new URL(request.url());
      if (!LOCAL_HOSTS.has(hostname)) external.push({ host: hostname, failure: undefined });
    });
    page.on('requestfailed', (request) => {
      const entry = external.find((e) => e.host === new URL(request.url()).hostname && e.failure === undefined);
      if (entry) entry.failure = request.failure()?.errorText;
    });
    page.on('response', (response) => answeredFrom.add(new URL(response.url()).hostname));
    page.on('websocket', (socket) => webSockets.push(new URL(socket.url()).host));

    await connectNeo4jBrowser(page, `${api.url}/browser/`, process.env.TEST_NEO4J_BOLT_URI!);
    await runInNeo4jBrowser(page, 'RETURN 1 AS answer');
    const frame = page.getByTestId('frame').filter({ hasText: 'RETURN 1 AS answer' }).first();
    await frame.getByText(/Started streaming 1 record/).waitFor({ timeout: 30_000 });
    await page.screenshot({ path: screenshotPath('neo4j-browser-return-1.png') });
    const text = await frame.innerText();
    expect(text).toMatch(/answer[\s\S]*\b1\b/);
    expect(text).not.toMatch(/error/i);
    // client.allow_telemetry=false reaches Browser: no usage-data banner.
    expect(await page.getByText(/we collect information on product usage/i).count()).toBe(0);

    // Browser asks for fonts, analytics and feedback scripts from the internet; the page's Content-Security-Policy
    // refuses each before it leaves the machine, and every answer came from this machine.
    expect([...answeredFrom].filter((host) => !LOCAL_HOSTS.has(host))).toEqual([]);
    expect(external.filter((e) => e.failure !== 'csp')).toEqual([]);
    expect(webSockets.length).toBeGreaterThan(0);
    expect(webSockets.every((host) => host === new URL(process.env.TEST_NEO4J_BOLT_URI!).host)).toBe(true);
  });

  it("answers Browser's discovery request with the database's Bolt address", async () => {
    const index = (await (await fetch(`${api.url}/`)).json()) as Record<string, unknown>;
    expect(index).toMatchObject({ browser: '/browser/', bolt_direct: process.env.TEST_NEO4J_BOLT_URI });
    const page = await fetch(`${api.url}/browser/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self';script-src 'self';/);
    // The API serves Browser's folder and, from the project's own folder, only the guide and the style.
    expect((await fetch(`${api.url}/browser/guide.html`)).status).toBe(200);
    expect((await fetch(`${api.url}/browser/%2e%2e/package.json`)).status).toBe(404);
  });
});

describe('the project guide and style in Neo4j Browser', () => {
  useTestGraph();
  let browser: Browser;
  let api: RunningApi;

  beforeAll(async () => {
    api = await startApi(undefined, { withNeo4jBrowser: true });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  it('plays the guide from the API and draws ICHEI and its partners in the project style', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await connectNeo4jBrowser(page, `${api.url}/browser/`, process.env.TEST_NEO4J_BOLT_URI!);
    // Neo4j Browser fetches guides only from allow-listed hosts, localhost among them; this one from the other name.
    const guideUrl = `${api.url.replace('127.0.0.1', 'localhost')}/browser/guide.html`;
    await runInNeo4jBrowser(page, `:play ${guideUrl}`);
    await page.getByText('The education-policy actors graph').first().waitFor({ timeout: 30_000 });
    await page.screenshot({ path: screenshotPath('neo4j-browser-guide.png') });

    // The guide's first slide applies the style with a one-liner, written with the address the guide came from:
    // clicked as a reader would, then run.
    const styleLine = page.locator('pre.runnable', { hasText: ':style' }).first();
    expect(await styleLine.innerText()).toBe(`:style ${api.url.replace('127.0.0.1', 'localhost')}/browser/style.grass`);
    await styleLine.click();
    await page.getByTestId('editor-Run').click();
    await page
      .getByText(/node\.Organization/)
      .first()
      .waitFor({ timeout: 30_000 });
    await runInNeo4jBrowser(page, "MATCH (o:Organization {id: 'org:ichei'})-[r:PARTNER_OF]->(p) RETURN o, r, p");
    const organizationNodes = page.locator('svg circle[fill="#4C8EDA"]');
    await organizationNodes.first().waitFor({ timeout: 30_000 });
    expect(await organizationNodes.count()).toBe(3);
    await page.waitForTimeout(1500); // let the force layout settle before the picture
    await page.screenshot({ path: screenshotPath('neo4j-browser-styled-graph.png') });
    const captions = await page.locator('svg text').allTextContents();
    // The style captions PARTNER_OF with its kind (Browser shortens long captions) and nodes with short names.
    expect(captions.join(' ')).toMatch(/global strategic par/);
    expect(captions.map((c) => c.trim())).toEqual(expect.arrayContaining(['Huawei', 'ICHEI']));
  });
});
