import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadEnv } from '../../src/config/env';
import { databasePassword, LEGACY_PASSWORD, passwordFile } from '../../src/db/credentials';

describe('the database password', () => {
  let home: string;
  beforeEach(() => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'neo4j-home-'));
  });
  afterEach(() => fs.rmSync(home, { recursive: true, force: true }));
  const env = (extra: Record<string, string> = {}) => loadEnv({ NEO4J_HOME_DIR: home, ...extra });

  it('is generated at the first start, kept readable by the owner only, and the same afterwards', () => {
    const first = databasePassword(env());
    expect(first.source).toBe('generated');
    expect(first.password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(first.password).not.toBe(LEGACY_PASSWORD);
    expect(fs.statSync(passwordFile(env())).mode & 0o777).toBe(0o600);
    expect(databasePassword(env())).toEqual(first);
  });

  it('differs between two servers', () => {
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'neo4j-home-'));
    try {
      expect(databasePassword(env()).password).not.toBe(databasePassword(loadEnv({ NEO4J_HOME_DIR: other })).password);
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
  });

  it('stays what it was for a server created before passwords were generated', () => {
    fs.mkdirSync(path.join(home, 'data', 'databases'), { recursive: true });
    expect(databasePassword(env()).password).toBe(LEGACY_PASSWORD);
  });

  it("must be given with NEO4J_URI, whose server is not the project's", () => {
    expect(() => databasePassword(env({ NEO4J_URI: 'neo4j+s://x.databases.neo4j.io' }))).toThrow(/NEO4J_PASSWORD: must be set when NEO4J_URI is/);
  });

  it('is NEO4J_PASSWORD when set, and then nothing is written', () => {
    expect(databasePassword(env({ NEO4J_PASSWORD: 'chosen-by-me' }))).toEqual({ password: 'chosen-by-me', source: 'NEO4J_PASSWORD' });
    expect(fs.existsSync(passwordFile(env()))).toBe(false);
  });
});
