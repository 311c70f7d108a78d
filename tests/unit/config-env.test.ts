import { ConfigError, loadEnv } from '../../src/config/env';

describe('loadEnv', () => {
  it('applies the documented defaults', () => {
    const env = loadEnv({});
    expect(env).toMatchObject({
      NEO4J_USER: 'neo4j',
      NEO4J_DATABASE: 'neo4j',
      NEO4J_BOLT_PORT: 7687,
      NEO4J_HTTP_PORT: 7474,
      PORT: 4000,
    });
    expect(env.NEO4J_URI).toBeUndefined();
    // No default password: the project's own server gets a generated one (tests/unit/credentials.test.ts).
    expect(env.NEO4J_PASSWORD).toBeUndefined();
  });

  it('accepts Aura and cluster URIs', () => {
    expect(loadEnv({ NEO4J_URI: 'neo4j+s://abcd1234.databases.neo4j.io' }).NEO4J_URI).toBe('neo4j+s://abcd1234.databases.neo4j.io');
    expect(loadEnv({ NEO4J_URI: 'neo4j://core1:7687' }).NEO4J_URI).toBe('neo4j://core1:7687');
  });

  it("bounds the heap's growth by default, and takes 0 for V8's own choice", () => {
    expect(loadEnv({}).API_HEAP_GROWTH_PERCENT).toBe(50);
    expect(loadEnv({ API_HEAP_GROWTH_PERCENT: '0' }).API_HEAP_GROWTH_PERCENT).toBe(0);
    expect(() => loadEnv({ API_HEAP_GROWTH_PERCENT: '-5' })).toThrow(/API_HEAP_GROWTH_PERCENT: must be a whole number of percent from 0 to 400 \(got "-5"\)/);
  });

  it('treats an empty variable as unset', () => {
    expect(loadEnv({ PORT: '' }).PORT).toBe(4000);
  });

  it('names every bad variable and what is wrong, at once', () => {
    let caught: unknown;
    try {
      loadEnv({ NEO4J_URI: 'http://localhost:7474', PORT: 'eighty', NEO4J_PASSWORD: 'abc12' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const message = (caught as ConfigError).message;
    expect(message).toMatch(/NEO4J_URI: must look like <scheme>:\/\/host\[:port\] with scheme one of bolt/);
    expect(message).toMatch(/PORT: must be a port number between 1 and 65535 \(got "eighty"\)/);
    expect(message).toMatch(/NEO4J_PASSWORD: must be at least 8 characters/);
    expect(message).not.toContain('abc12');
  });
});
