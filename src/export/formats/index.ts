import type { GraphSource } from '../graph-source';
import { cypherScript } from './cypher-script';
import { gexf } from './gexf';
import { graphml } from './graphml';
import { jsonLd } from './json-ld';
import { neo4jCsvNodes, neo4jCsvRelationships } from './neo4j-csv';

/** One export format: its file name, media type and writer. */
export interface ExportFormat {
  file: string;
  contentType: string;
  /** What it is for, in the CLI's help and the release README. */
  description: string;
  write: (source: GraphSource) => AsyncIterable<string>;
}

/** Every export format by the name the CLI, the HTTP route and the release use. */
export const EXPORT_FORMATS = {
  graphml: {
    file: 'graph.graphml',
    contentType: 'application/graphml+xml; charset=utf-8',
    description: 'GraphML for networkx, igraph, Gephi, yEd',
    write: graphml,
  },
  gexf: { file: 'graph.gexf', contentType: 'application/gexf+xml; charset=utf-8', description: 'GEXF 1.2 for Gephi and networkx', write: gexf },
  jsonld: {
    file: 'graph.jsonld',
    contentType: 'application/ld+json; charset=utf-8',
    description: 'JSON-LD with schema.org terms and an evidence vocabulary',
    write: jsonLd,
  },
  cypher: {
    file: 'graph.cypher',
    contentType: 'text/plain; charset=utf-8',
    description: 'a Cypher script that rebuilds the graph in an empty database',
    write: cypherScript,
  },
  'csv-nodes': {
    file: 'nodes.csv',
    contentType: 'text/csv; charset=utf-8',
    description: 'nodes for neo4j-admin database import (and R, pandas)',
    write: neo4jCsvNodes,
  },
  'csv-relationships': {
    file: 'relationships.csv',
    contentType: 'text/csv; charset=utf-8',
    description: 'relationships for neo4j-admin database import (and R, pandas)',
    write: neo4jCsvRelationships,
  },
} satisfies Record<string, ExportFormat>;

export type ExportFormatName = keyof typeof EXPORT_FORMATS;

export const EXPORT_FORMAT_NAMES = Object.keys(EXPORT_FORMATS) as ExportFormatName[];

/** Whether a name is one of the export formats. */
export function isExportFormat(name: string): name is ExportFormatName {
  return Object.hasOwn(EXPORT_FORMATS, name);
}
