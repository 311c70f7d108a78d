/** A Cypher statement and its parameters: what every query builder returns and what the database runs. */
export interface CypherQuery {
  cypher: string;
  params: Record<string, unknown>;
}
