import type { GraphSource, PropertySchema, PropertyType } from '../graph-source';
import { ENTITY_LABEL } from '../../model/entity-types';

/**
 * Separates list elements (and labels) in the CSV: the ASCII unit separator, which no quote or name contains, so
 * that a quote holding ";" (neo4j-admin's default delimiter) stays one element.
 */
export const ARRAY_DELIMITER = '\u001F';

/** The neo4j-admin command that builds a database from the two files (run from the folder holding them). */
export const IMPORT_COMMAND =
  "neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv --array-delimiter=$'\\x1f' --multiline-fields=true neo4j";

function field(value: unknown, type: PropertyType): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return quote(value.map((v) => scalarText(v, type.replace('[]', '') as PropertyType)).join(ARRAY_DELIMITER));
  return type === 'string' ? quote(String(value)) : scalarText(value, type);
}

function scalarText(value: unknown, type: PropertyType): string {
  if (type === 'double' && typeof value === 'number' && Number.isInteger(value)) return value.toFixed(1);
  return String(value);
}

const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;

const header = (schema: PropertySchema, skip: Set<string>) =>
  [...schema].filter(([key]) => !skip.has(key)).map(([key, type]) => `${key.replace(/[,:"]/g, '_')}:${type}`);

/** nodes.csv in neo4j-admin's layout: `id:ID`, `:LABEL` (Entity and the entity's type), typed property columns. */
export async function* neo4jCsvNodes(source: GraphSource): AsyncGenerator<string> {
  const keys = [...source.nodeSchema.keys()].filter((k) => k !== 'id');
  yield `${['id:ID', ':LABEL', ...header(source.nodeSchema, new Set(['id']))].join(',')}\n`;
  for await (const node of source.nodes()) {
    const cells = [
      quote(node.id),
      quote(`${ENTITY_LABEL}${ARRAY_DELIMITER}${node.label}`),
      ...keys.map((k) => field(node.props[k], node.types[k] ?? source.nodeSchema.get(k)!)),
    ];
    yield `${cells.join(',')}\n`;
  }
}

/** relationships.csv in neo4j-admin's layout: `:START_ID`, `:END_ID`, `:TYPE`, typed property columns. */
export async function* neo4jCsvRelationships(source: GraphSource): AsyncGenerator<string> {
  const keys = [...source.relationshipSchema.keys()];
  yield `${[':START_ID', ':END_ID', ':TYPE', ...header(source.relationshipSchema, new Set())].join(',')}\n`;
  for await (const rel of source.relationships()) {
    const cells = [quote(rel.from), quote(rel.to), rel.type, ...keys.map((k) => field(rel.props[k], rel.types[k] ?? source.relationshipSchema.get(k)!))];
    yield `${cells.join(',')}\n`;
  }
}
