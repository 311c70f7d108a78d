import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { Database } from '../db/database';
import { AppError, ExitCode } from '../errors/app-error';
import { formatCitation, type CitableDocument } from '../model/citation';
import { fingerprint } from './fingerprint';
import { EXPORT_FORMAT_NAMES, EXPORT_FORMATS, type ExportFormatName } from './formats';
import { IMPORT_COMMAND } from './formats/neo4j-csv';
import { exportQueries, openGraphSource, type ExportScope } from './graph-source';

/** The entity a neighbourhood export starts from does not exist. */
export class ExportScopeError extends AppError {
  readonly code = 'EXPORT_SCOPE_NOT_FOUND';
  readonly exitCode = ExitCode.DATA;
}

/** The most entities a neighbourhood export holds. */
export const NEIGHBOURHOOD_EXPORT_LIMIT = 2_000;

/**
 * The whole graph, or the entities within `depth` hops of `centre` (at most NEIGHBOURHOOD_EXPORT_LIMIT of them); with
 * `asOf`, only the relationships valid then (undated ones kept) are followed and exported.
 */
export async function exportScope(db: Database, neighbourhood?: { centre: string; depth: number }, asOf: string | null = null): Promise<ExportScope> {
  if (!neighbourhood) return { ids: null, asOf };
  const [row] = await db.query<{ centre: string; ids: string[]; found: number }>(
    exportQueries.neighbourhoodIds(neighbourhood.centre, neighbourhood.depth, NEIGHBOURHOOD_EXPORT_LIMIT - 1, asOf),
  );
  if (!row) throw new ExportScopeError(`No entity has the id "${neighbourhood.centre}".`, 'Find ids with the API (search, entityByName).');
  if (row.found >= NEIGHBOURHOOD_EXPORT_LIMIT) {
    throw new ExportScopeError(
      `The neighbourhood of "${neighbourhood.centre}" at depth ${neighbourhood.depth} holds ${row.found + 1} entities; a neighbourhood export holds at most ${NEIGHBOURHOOD_EXPORT_LIMIT}.`,
      'Use a smaller depth, or export the whole graph.',
    );
  }
  return { ids: row.ids, asOf };
}

/** The text of one format, streamed. */
export async function exportStream(db: Database, format: ExportFormatName, scope: ExportScope): Promise<Readable> {
  const source = await openGraphSource(db, scope);
  return Readable.from(EXPORT_FORMATS[format].write(source), { objectMode: false });
}

/** Writes one format to a file. */
export async function writeExport(db: Database, format: ExportFormatName, scope: ExportScope, out: string): Promise<void> {
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  await pipeline(await exportStream(db, format, scope), fs.createWriteStream(out));
}

function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/**
 * A dated release: every format, the data licence, CITATION.cff, a README of the data (counts, sources, how to cite)
 * and a SHA256SUMS manifest, in `<dir>/<date>/`. Returns the folder.
 */
export async function writeRelease(db: Database, dir: string, projectRoot: string, date = new Date().toISOString().slice(0, 10)): Promise<string> {
  const folder = path.join(dir, date);
  fs.rmSync(folder, { recursive: true, force: true });
  fs.mkdirSync(folder, { recursive: true });
  const scope: ExportScope = { ids: null };
  for (const name of EXPORT_FORMAT_NAMES) await writeExport(db, name, scope, path.join(folder, EXPORT_FORMATS[name].file));
  for (const file of ['DATA-LICENSE.md', 'CITATION.cff', 'LICENSE']) fs.copyFileSync(path.join(projectRoot, file), path.join(folder, file));
  const print = await fingerprint(await openGraphSource(db, scope));
  fs.writeFileSync(path.join(folder, 'README.md'), await releaseReadme(db, date, print));
  const files = fs
    .readdirSync(folder)
    .filter((f) => f !== 'SHA256SUMS')
    .sort();
  fs.writeFileSync(path.join(folder, 'SHA256SUMS'), files.map((f) => `${sha256(path.join(folder, f))}  ${f}`).join('\n') + '\n');
  return folder;
}

async function releaseReadme(db: Database, date: string, print: { nodes: number; relationships: number; sha256: string }): Promise<string> {
  const [byLabel, byType, documents] = await Promise.all([
    db.read<{ label: string; count: number }>(
      'MATCH (n:Entity) UNWIND [l IN labels(n) WHERE l <> "Entity"] AS label RETURN label, count(*) AS count ORDER BY label',
    ),
    db.read<{ type: string; count: number }>('MATCH (:Entity)-[r]->(:Entity) RETURN type(r) AS type, count(*) AS count ORDER BY type'),
    db.read<CitableDocument & { id: string }>(
      'MATCH (d:Document) RETURN d.id AS id, d.title AS title, d.publisher AS publisher, d.published AS published, d.url AS url, d.retrieved AS retrieved, d.file AS file ORDER BY d.id',
    ),
  ]);
  const formats = EXPORT_FORMAT_NAMES.map((name) => `| \`${EXPORT_FORMATS[name].file}\` | ${EXPORT_FORMATS[name].description} |`);
  return [
    `# Education-policy actors graph: data release ${date}`,
    '',
    `${print.nodes} entities and ${print.relationships} relationships, every one with the document it comes from, a verbatim quote, the quote's position in the document and its character offsets.`,
    `Fingerprint (SHA-256 over every entity, relationship and typed property): \`${print.sha256}\`.`,
    '',
    '## Files',
    '',
    '| file | what it is |',
    '| --- | --- |',
    ...formats,
    '| `SHA256SUMS` | checksums of every other file (`sha256sum -c SHA256SUMS`) |',
    '',
    `Rebuild a Neo4j database from the CSV files: \`${IMPORT_COMMAND}\`. In GraphML and GEXF, lists are JSON text and each`,
    "edge's `evidence` attribute is a JSON list of `{document, quote, position, start, end}`. The JSON-LD vocabulary is",
    "described in the project's `src/export/README.md`.",
    '',
    '## Counts',
    '',
    '| entity type | count |',
    '| --- | --- |',
    ...byLabel.map((r) => `| ${r.label} | ${r.count} |`),
    '',
    '| relationship type | count |',
    '| --- | --- |',
    ...byType.map((r) => `| ${r.type} | ${r.count} |`),
    '',
    '## Sources',
    '',
    ...documents.map((d) => `- \`${d.id}\`: ${formatCitation(d)}`),
    '',
    '## Licence and citation',
    '',
    'The curated data is licensed CC BY 4.0; the copies of the source documents (the `text` of each Document) remain',
    "their publishers' (see `DATA-LICENSE.md`). Cite this release as `CITATION.cff` says, and the sources of the facts",
    'you rely on (each evidence item names its document and where the quote stands).',
    '',
  ].join('\n');
}
