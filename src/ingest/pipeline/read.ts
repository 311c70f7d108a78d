import fs from 'node:fs';
import path from 'node:path';
import { CLAIMABLE_PROPERTIES } from '../../model/claims';
import { partialDateProblem } from '../../model/partial-date';
import { normalizeWhitespace } from '../../seed/corpus';
import { readSeed, type SeedData } from '../../seed/read-seed';
import type { SeedDocument } from '../../seed/seed-schema';
import type { KnownEntity } from '../extractors/gazetteer';
import { AlreadyIngestedError, IngestError } from '../ingest-error';
import { guessLanguage } from '../nlp/language';
import { ID_STOP_WORDS, slug } from '../slug';
import { readAndExtract, type ReadSource } from '../source/extract-source';
import { contentHash, type ExtractedText } from '../source/extract-text';

/** What the person ingesting says about the source; each overrides what the page says about itself. */
export interface SourceOptions {
  title?: string;
  publisher?: string;
  published?: string;
  url?: string;
  language?: string;
  kind?: string;
}

/** A source read: the file, its format, its text and regions as extracted, the hash of that text, and its document entry. */
export interface ReadArticle {
  file: string;
  source: ReadSource['source'];
  extracted: ExtractedText;
  contentHash: string;
  document: SeedDocument;
}

/** What a document is, unless --kind says: a PDF or Word file is a document of its kind, anything else a web page. */
const DEFAULT_KIND: Partial<Record<ReadSource['source']['format'], string>> = { pdf: 'PDF document', docx: 'Word document' };

/** Today's date, as the document entry records when the copy was retrieved. */
const today = () => new Date().toISOString().slice(0, 10);

/**
 * Reads an article (text, Markdown, HTML, PDF or Word): its text and regions, and its document entry from `options` and the page's
 * own metadata; refuses a file with no text, a text the seed or a draft (in `draftsDirs`) already holds, and a
 * document entry the seed would refuse. With the entities the seed knows, for the extractors.
 */
export async function readArticle(
  file: string,
  options: SourceOptions,
  seedDir: string,
  draftsDirs: readonly string[],
): Promise<{ article: ReadArticle; known: KnownEntity[] }> {
  const { source, extracted } = await readAndExtract(file);
  if (!extracted.text.trim()) throw new IngestError(`${path.basename(file)}: no text left once the markup is read.`, 'Nothing to ingest.');
  const hash = contentHash(extracted.text);
  // The seed is read once: for the texts it holds, and for the entities mentions link to.
  const { data } = readSeed(seedDir);
  const already = knownTexts(data, seedDir, draftsDirs).get(hash);
  if (already) throw new AlreadyIngestedError(`${path.basename(file)}: this text was already ingested, as ${already}.`, 'Nothing was written.', already);
  const id = documentId(file, extracted, options);
  const document = documentEntry(file, extracted, { ...options, kind: options.kind ?? DEFAULT_KIND[source.format] }, id, `ingest_${hash.slice(0, 16)}.txt`);
  return { article: { file, source, extracted, contentHash: hash, document }, known: entitiesOf(data) };
}

/** The id of the document a draft proposes: from its title (the one given, the page's, its headline), else its file name. */
function documentId(file: string, extracted: ExtractedText, options: SourceOptions): string {
  const titleForId = options.title ?? extracted.metadata.title ?? extracted.regions.find((r) => r.kind === 'headline')?.text ?? path.basename(file);
  return `doc:${slug(titleForId, { maxWords: 6, dropWords: ID_STOP_WORDS, empty: 'document' })}`;
}

/** The document entry of the draft, from the options, then the page's own metadata; refuses what the seed would. */
function documentEntry(file: string, extracted: ExtractedText, options: SourceOptions, id: string, corpusFile: string): SeedDocument {
  const shown = path.basename(file);
  const title = options.title ?? extracted.metadata.title ?? extracted.regions.find((r) => r.kind === 'headline')?.text;
  if (!title) throw new IngestError(`${shown}: the document has no title the ingester can find.`, 'Give one with --title "...".');
  const published = options.published ?? extracted.metadata.published;
  if (!published) throw new IngestError(`${shown}: no publication date found in the file.`, 'Give it with --published YYYY-MM-DD (or YYYY-MM, YYYY).');
  const dateProblem = partialDateProblem(published);
  if (dateProblem) throw new IngestError(`${shown}: --published ${dateProblem}.`, 'Write the date as YYYY-MM-DD, YYYY-MM or YYYY.');
  const publisher = options.publisher ?? extracted.metadata.publisher;
  if (!publisher) throw new IngestError(`${shown}: no publisher found in the file.`, 'Give it with --publisher "...".');
  const language = options.language ?? extracted.metadata.language ?? guessLanguage(extracted.text);
  if (!/^[a-z]{2,3}(-[A-Z]{2})?$/.test(language)) throw new IngestError(`${shown}: --language "${language}" is not a language tag such as "en" or "fr-CA".`);
  const url = options.url ?? extracted.metadata.url;
  if (url !== undefined && !/^https?:\/\/\S+$/.test(url)) throw new IngestError(`${shown}: --url "${url}" is not an http(s) URL.`);
  // The first piece of evidence is the title as the text writes it, else the first sentence.
  const headline = extracted.regions.find((r) => r.kind === 'headline')?.text;
  const quote =
    headline && normalizeWhitespace(extracted.text).includes(normalizeWhitespace(headline)) ? headline : extracted.text.split(/\n/)[0]!.slice(0, 300);
  return {
    id,
    file: corpusFile,
    title: normalizeWhitespace(title),
    name: normalizeWhitespace(title).slice(0, 120),
    kind: options.kind ?? 'web page',
    published,
    attribution: `${options.kind ?? 'Web page'} published by ${publisher} on ${published}; copy of the ${path.extname(file).slice(1) || 'text'} file ingested as ${corpusFile}.`,
    publisher,
    ...(url ? { url } : {}),
    retrieved: today(),
    language,
    terms: "Copy kept unchanged for verification and quotation in research; the text remains the publisher's and is not covered by the project's data licence.",
    evidence: [{ doc: id, quote }],
  };
}

/** The entities of a seed folder, as the gazetteer reads them. */
export function knownEntities(seedDir: string): KnownEntity[] {
  return entitiesOf(readSeed(seedDir).data);
}

/** The entities of read seed data, as the gazetteer reads them. */
function entitiesOf(data: SeedData): KnownEntity[] {
  return data.entities.map(({ value }) => ({
    id: value.id,
    type: value.type,
    name: value.name,
    spellings: [...value.aliases, ...('acronym' in value && value.acronym ? [value.acronym] : [])],
    properties: Object.fromEntries(
      (CLAIMABLE_PROPERTIES[value.type] ?? []).flatMap((key) => {
        const curated = (value as Record<string, unknown>)[key];
        return curated === undefined ? [] : [[key, String(curated)]];
      }),
    ),
  }));
}

/** Every document already in the seed or a draft (in any of `draftsDirs`), by content hash: where it is and its id. */
function knownTexts(data: SeedData, seedDir: string, draftsDirs: readonly string[]): Map<string, string> {
  const known = new Map<string, string>();
  for (const { value } of data.documents) {
    const text = data.corpus.get(value.file);
    if (text !== undefined) known.set(contentHash(text), `${value.id} (${path.relative(process.cwd(), seedDir) || seedDir}/documents.json)`);
  }
  for (const draftsDir of draftsDirs.filter((dir) => fs.existsSync(dir))) {
    // A staging folder is a draft that was never finished (an interrupted run): its text is not ingested yet.
    for (const name of fs.readdirSync(draftsDir).filter((entry) => !entry.includes('.staging-'))) {
      const marker = path.join(draftsDir, name, 'draft.json');
      if (!fs.existsSync(marker)) continue;
      try {
        const draft = JSON.parse(fs.readFileSync(marker, 'utf8')) as { contentHash?: string; document?: string };
        if (draft.contentHash) known.set(draft.contentHash, `${draft.document ?? name} (draft ${path.relative(process.cwd(), path.join(draftsDir, name))})`);
      } catch {
        // A draft whose marker is unreadable is not a match; `review` reports it when it is opened.
      }
    }
  }
  return known;
}
