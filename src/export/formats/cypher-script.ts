import { graphSchemaStatements } from '../../db/graph-schema';
import { label, typeAlternatives } from '../../model/cypher-names';
import { ENTITY_LABEL, type EntityType } from '../../model/entity-types';
import type { RelationshipType } from '../../model/relationship-types';
import type { GraphSource, PropertyType } from '../graph-source';

const BATCH = 200;

/** A Cypher literal of a stored value: strings escaped, integers and floats told apart, lists element by element. */
export function cypherLiteral(value: unknown, type: PropertyType): string {
  if (Array.isArray(value)) return `[${value.map((v) => cypherLiteral(v, type.replace('[]', '') as PropertyType)).join(', ')}]`;
  if (typeof value === 'string') {
    return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}'`;
  }
  if (typeof value === 'number') return type === 'double' && Number.isInteger(value) ? value.toFixed(1) : String(value);
  return String(value);
}

function mapLiteral(props: Record<string, unknown>, types: Record<string, PropertyType>): string {
  const entries = Object.keys(props)
    .sort()
    .filter((key) => props[key] !== null && props[key] !== undefined)
    .map((key) => `\`${key.replace(/`/g, '``')}\`: ${cypherLiteral(props[key], types[key] ?? 'string')}`);
  return `{${entries.join(', ')}}`;
}

/**
 * A Cypher script that rebuilds the graph in an empty database (`cypher-shell -f graph.cypher`): the constraints and
 * indexes first, then the nodes and relationships in batches of one label or type, one statement per line.
 */
export async function* cypherScript(source: GraphSource): AsyncGenerator<string> {
  yield '// The education-policy actors graph as Cypher; run it against an empty database, e.g. cypher-shell -f graph.cypher\n';
  for (const statement of graphSchemaStatements()) yield `${statement};\n`;
  let batch: string[] = [];
  let batchLabel: EntityType | null = null;
  const flushNodes = function* () {
    if (batch.length > 0 && batchLabel) yield `UNWIND [${batch.join(', ')}] AS row CREATE (n:${ENTITY_LABEL}:${label(batchLabel)}) SET n = row;\n`;
    batch = [];
  };
  for await (const node of source.nodes()) {
    if (node.label !== batchLabel || batch.length >= BATCH) {
      yield* flushNodes();
      batchLabel = node.label;
    }
    batch.push(mapLiteral(node.props, node.types));
  }
  yield* flushNodes();
  let rows: string[] = [];
  let rowsType: RelationshipType | null = null;
  const flushRelationships = function* () {
    if (rows.length > 0 && rowsType) {
      yield (
        `UNWIND [${rows.join(', ')}] AS row MATCH (a:${ENTITY_LABEL} {id: row.from}) MATCH (b:${ENTITY_LABEL} {id: row.to}) ` +
        `CREATE (a)-[r:${typeAlternatives([rowsType])}]->(b) SET r = row.props;\n`
      );
    }
    rows = [];
  };
  for await (const rel of source.relationships()) {
    if (rel.type !== rowsType || rows.length >= BATCH) {
      yield* flushRelationships();
      rowsType = rel.type;
    }
    rows.push(`{from: ${cypherLiteral(rel.from, 'string')}, to: ${cypherLiteral(rel.to, 'string')}, props: ${mapLiteral(rel.props, rel.types)}}`);
  }
  yield* flushRelationships();
}
