import { boltWebSocketOrigin } from '../../src/http/neo4j-browser-routes';

describe("the WebSocket origin Neo4j Browser's page may connect to", () => {
  it.each([
    ['bolt://127.0.0.1:7687', 'ws://127.0.0.1:7687'],
    ['neo4j://localhost:7688', 'ws://localhost:7688'],
    ['neo4j+s://abc.databases.neo4j.io', 'wss://abc.databases.neo4j.io:7687'],
    ['bolt+ssc://db.example.org:7000', 'wss://db.example.org:7000'],
  ])('%s gives %s', (uri, origin) => {
    expect(boltWebSocketOrigin(uri)).toBe(origin);
  });
});
