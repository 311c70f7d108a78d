import { localNeo4j, stopDatabase, ensureDatabase } from '../../src/launcher/ensure-database';
import { applyTestEnv } from '../helpers/test-env';
import { startApi } from '../helpers/api';
import { openTestDatabase } from '../helpers/database';

const env = applyTestEnv();

describe('the database the tests were given', () => {
  it('answers a query in a read transaction on the named database', async () => {
    const db = openTestDatabase();
    try {
      const rows = await db.read<{ one: number; name: string }>('CALL db.info() YIELD name RETURN 1 AS one, name');
      expect(rows).toEqual([{ one: 1, name: env.NEO4J_DATABASE }]);
      const components = await db.read<{ version: string; edition: string }>(
        'CALL dbms.components() YIELD versions, edition RETURN versions[0] AS version, edition',
      );
      expect(components[0]!.version).toMatch(/^5\.26\./);
    } finally {
      await db.close();
    }
  });
});

describe('the project-local Neo4j', () => {
  // The launcher tests need the local server; with NEO4J_URI set they check that it is left alone instead.
  if (env.NEO4J_URI) {
    it('never stops a server given by NEO4J_URI', async () => {
      await expect(stopDatabase(env)).resolves.toMatch(/not managed by this project/);
    });
    return;
  }

  it('is locked down: CORS only for the API, no usage reports, no Browser of its own, guides only from this machine', async () => {
    const base = `http://127.0.0.1:${env.NEO4J_HTTP_PORT}`;
    const api = `http://127.0.0.1:${env.PORT}`;
    // The server's own Browser, which reaches the internet, is switched off; the API serves Browser instead.
    expect((await fetch(`${base}/browser/`)).status).toBe(404);
    // A web page from another origin asks whether it may send Cypher with credentials.
    const preflight = await fetch(`${base}/db/${env.NEO4J_DATABASE}/tx/commit`, {
      method: 'OPTIONS',
      headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBe(api);
    const db = openTestDatabase();
    try {
      const rows = await db.read<{ name: string; value: string }>('SHOW SETTINGS YIELD name, value WHERE name IN $names RETURN name, value ORDER BY name', {
        names: [
          'browser.post_connect_cmd',
          'browser.remote_content_hostname_whitelist',
          'client.allow_telemetry',
          'dbms.security.http_access_control_allow_origin',
          'dbms.usage_report.enabled',
          'server.http_enabled_modules',
        ],
      });
      expect(Object.fromEntries(rows.map((r) => [r.name, r.value]))).toEqual({
        'browser.post_connect_cmd': `play ${api}/browser/guide.html`,
        'browser.remote_content_hostname_whitelist': 'localhost,127.0.0.1',
        'client.allow_telemetry': 'false',
        'dbms.security.http_access_control_allow_origin': api,
        'dbms.usage_report.enabled': 'false',
        'server.http_enabled_modules': 'TRANSACTIONAL_ENDPOINTS,UNMANAGED_EXTENSIONS,QUERY_API_ENDPOINTS',
      });
    } finally {
      await db.close();
    }
  });

  it('reuses a running server instead of starting a second one', async () => {
    const before = localNeo4j(env).status();
    expect(before.running).toBe(true);
    const again = await ensureDatabase(env);
    expect(again).toMatchObject({ source: 'local', startedHere: false, uri: `bolt://127.0.0.1:${env.NEO4J_BOLT_PORT}` });
    expect(localNeo4j(env).status().pid).toBe(before.pid);
  });

  it('keeps data across a stop and a start, leaves no JVM behind, and the API recovers by itself', async () => {
    const marker = `survives-${Date.now()}`;
    let db = openTestDatabase();
    await db.write('CREATE (:LauncherProbe {marker: $marker})', { marker });
    await db.close();
    const api = await startApi();
    try {
      const probe = '{ statistics { nodes } }';
      expect((await api.graphql(probe)).body.errors).toBeUndefined();

      const { pid } = localNeo4j(env).status();
      await expect(stopDatabase(env)).resolves.toMatch(/Stopped the local Neo4j/);
      expect(localNeo4j(env).status().running).toBe(false);
      expect(() => process.kill(pid!, 0)).toThrow();
      const during = await api.graphql(probe);
      expect(during.body.errors![0]!.extensions).toEqual({ code: 'DATABASE_UNAVAILABLE' });
      expect((await fetch(`${api.url}/health`)).status).toBe(503);

      const restarted = await ensureDatabase(env);
      expect(restarted.startedHere).toBe(true);
      // The same API process, with the same driver, answers again without a restart, within 2 s (the availability
      // probe notices the database is back).
      const back = Date.now();
      let after = await api.graphql(probe);
      while (after.body.errors && Date.now() - back < 2_000) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        after = await api.graphql(probe);
      }
      expect(after.body.errors).toBeUndefined();
      expect((await fetch(`${api.url}/health`)).status).toBe(200);
    } finally {
      await api.stop();
    }
    db = openTestDatabase();
    try {
      const rows = await db.read<{ n: number }>('MATCH (p:LauncherProbe {marker: $marker}) RETURN count(p) AS n', { marker });
      expect(rows[0]!.n).toBe(1);
      await db.write('MATCH (p:LauncherProbe) DELETE p');
    } finally {
      await db.close();
    }
  });

  it('under concurrent load, answers an outage within the retry bound without starving, and recovers within 2 s', async () => {
    const api = await startApi();
    const query = JSON.stringify({ query: '{ entity(id: "org:ichei") { id name } }' });
    const calls: { began: number; ms: number; ok: boolean; code?: string }[] = [];
    let running = true;
    const worker = async () => {
      while (running) {
        const began = Date.now();
        const response = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: query });
        const body = (await response.json()) as { errors?: { extensions: { code: string } }[] };
        calls.push({ began, ms: Date.now() - began, ok: !body.errors, code: body.errors?.[0]?.extensions.code });
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    const workers = Array.from({ length: 8 }, worker);
    try {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const killedAt = Date.now();
      process.kill(localNeo4j(env).status().pid!, 'SIGKILL');
      await new Promise((resolve) => setTimeout(resolve, 5_000));
      const healthBegan = Date.now();
      expect((await fetch(`${api.url}/health`)).status).toBe(503);
      expect(Date.now() - healthBegan).toBeLessThan(500);

      // How long each request answering during the outage waited for it: from the kill, or from its start if later.
      const during = calls.filter((c) => c.began + c.ms > killedAt);
      const worst = Math.max(...during.map((c) => c.began + c.ms - Math.max(c.began, killedAt)));
      expect(during.filter((c) => !c.ok).every((c) => c.code === 'DATABASE_UNAVAILABLE')).toBe(true);
      // The documented bound: NEO4J_MAX_RETRY_MS (3 s by default), with a second's slack for this shared machine.
      expect(worst).toBeLessThan(env.NEO4J_MAX_RETRY_MS + 1_000);
      // Failing requests release their execution slots at once: the API keeps answering throughout.
      expect(during.filter((c) => c.began > killedAt + env.NEO4J_MAX_RETRY_MS + 1_000).length).toBeGreaterThan(20);

      await ensureDatabase(env);
      const back = Date.now();
      const served = () => calls.some((c) => c.ok && c.began >= back);
      while (!served() && Date.now() - back < 10_000) await new Promise((resolve) => setTimeout(resolve, 25));
      const recovery = calls.filter((c) => c.ok && c.began >= back).map((c) => c.began + c.ms)[0]! - back;
      expect(recovery).toBeLessThan(2_000);
      console.log(`outage: worst wait ${worst} ms over ${during.length} requests; recovery ${recovery} ms after Bolt answered`);
    } finally {
      running = false;
      await Promise.all(workers);
      await api.stop();
    }
  });
});
