import { ENTITY_LABEL, ENTITY_TYPES, SEARCHABLE_TYPES } from '../model/entity-types';
import { RELATIONSHIP_TYPE_NAMES } from '../model/relationship-types';
import type { Database } from './database';

/** Name of the full-text index over entity names and aliases. */
export const NAME_INDEX = 'entity_names';
/** Full-text indexes over the folded words of evidence quotes, on nodes and on relationships, and of document texts. */
export const NODE_EVIDENCE_INDEX = 'node_evidence';
export const RELATIONSHIP_EVIDENCE_INDEX = 'relationship_evidence';
export const DOCUMENT_TEXT_INDEX = 'document_text';

// The indexed text is already folded into words (model/text-search.ts); Lucene only splits it on spaces and lines.
const FOLDED = "OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace', `fulltext.eventually_consistent`: false}}";

/** The constraints and indexes of the model, each idempotent; labels and types come from the model's allow-lists. */
export function graphSchemaStatements(): string[] {
  return [
    `CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:${ENTITY_LABEL}) REQUIRE n.id IS UNIQUE`,
    ...ENTITY_TYPES.map((label) => `CREATE INDEX ${label.toLowerCase()}_name IF NOT EXISTS FOR (n:${label}) ON (n.name)`),
    `CREATE INDEX event_start_day IF NOT EXISTS FOR (n:Event) ON (n.startDay)`,
    `CREATE INDEX event_end_day IF NOT EXISTS FOR (n:Event) ON (n.endDay)`,
    `CREATE INDEX document_published IF NOT EXISTS FOR (n:Document) ON (n.published)`,
    `CREATE INDEX figure_date IF NOT EXISTS FOR (n:Figure) ON (n.date)`,
    `CREATE INDEX entity_seed_managed IF NOT EXISTS FOR (n:${ENTITY_LABEL}) ON (n.seedManaged)`,
    ...RELATIONSHIP_TYPE_NAMES.flatMap((type) => [
      `CREATE INDEX rel_${type.toLowerCase()}_seed_key IF NOT EXISTS FOR ()-[r:${type}]-() ON (r.seedKey)`,
      `CREATE INDEX rel_${type.toLowerCase()}_valid_from IF NOT EXISTS FOR ()-[r:${type}]-() ON (r.validFromDay)`,
    ]),
    `CREATE FULLTEXT INDEX ${NAME_INDEX} IF NOT EXISTS FOR (n:${SEARCHABLE_TYPES.join('|')}) ON EACH [n.name, n.searchText] ` +
      "OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: false}}",
    `CREATE FULLTEXT INDEX ${NODE_EVIDENCE_INDEX} IF NOT EXISTS FOR (n:${ENTITY_TYPES.join('|')}) ON EACH [n.evidenceText] ${FOLDED}`,
    `CREATE FULLTEXT INDEX ${RELATIONSHIP_EVIDENCE_INDEX} IF NOT EXISTS FOR ()-[r:${RELATIONSHIP_TYPE_NAMES.join('|')}]-() ON EACH [r.evidenceText] ${FOLDED}`,
    `CREATE FULLTEXT INDEX ${DOCUMENT_TEXT_INDEX} IF NOT EXISTS FOR (n:Document) ON EACH [n.textIndexed] ${FOLDED}`,
  ];
}

/** Applies the missing parts of the graph schema and waits for new indexes to come online. */
export async function applyGraphSchema(db: Database): Promise<void> {
  const [indexes, constraints] = await Promise.all([
    db.read<{ name: string }>('SHOW INDEXES YIELD name RETURN name'),
    db.read<{ name: string }>('SHOW CONSTRAINTS YIELD name RETURN name'),
  ]);
  const existing = new Set([...indexes, ...constraints].map((row) => row.name));
  const missing = graphSchemaStatements().filter((statement) => !existing.has(/^CREATE (?:FULLTEXT )?(?:CONSTRAINT|INDEX) (\w+)/.exec(statement)![1]!));
  for (const statement of missing) await db.write(statement);
  if (missing.length > 0) await db.write('CALL db.awaitIndexes(300)');
}
