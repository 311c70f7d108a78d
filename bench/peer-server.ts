import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL } from '@neo4j/graphql';
import neo4j from 'neo4j-driver';

// The peer: the Neo4j GraphQL Library over the same database, with type definitions for the benchmarked shape.
const typeDefs = /* GraphQL */ `
  type Organization @node(labels: ["Organization", "Entity"]) {
    id: ID!
    name: String
    partners: [Organization!]! @relationship(type: "PARTNER_OF", direction: OUT)
    participations: [Event!]! @relationship(type: "PARTICIPATED_IN", direction: OUT)
  }
  type Event @node(labels: ["Event", "Entity"]) {
    id: ID!
    name: String
  }
`;

async function main(): Promise<void> {
  const driver = neo4j.driver(process.env.NEO4J_URI!, neo4j.auth.basic(process.env.NEO4J_USER!, process.env.NEO4J_PASSWORD!));
  const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
  const server = new ApolloServer({ schema });
  const { url } = await startStandaloneServer(server, { listen: { port: Number(process.env.PORT), host: '127.0.0.1' } });
  console.log(`peer ready ${url}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
