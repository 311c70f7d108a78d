import fs from 'node:fs';
import path from 'node:path';
import { guessLanguage } from '../src/ingest/nlp/language';
import { extractText, type ExtractedText } from '../src/ingest/source/extract-text';
import { readSource } from '../src/ingest/source/read-source';

// The documents the ingest section reads: every document of every split folder of the corpus (the evaluation corpus
// by default, both splits), or of the folder itself when it has no sub-folders. Their texts are never printed.

/** One document of the corpus, its text extracted once so that the floor sends CoreNLP exactly what the pipeline does. */
export interface CorpusEntry {
  split: string;
  file: string;
  path: string;
  /** The language the pipeline's segment stage gives it: the page's own, else the one its script shows. */
  language: string;
  extracted: ExtractedText;
}

// What a corpus folder holds besides documents: each split's expected proposals, and notes.
const NOT_DOCUMENTS = new Set(['gold.json', 'readme.md']);

function documentsIn(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.') && !NOT_DOCUMENTS.has(entry.name.toLowerCase()))
    .map((entry) => entry.name)
    .sort();
}

/** Where the corpus's documents are: its sub-folders (its splits), or the folder itself when it has none. */
function splitsOf(dir: string): { split: string; dir: string }[] {
  const folders = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort();
  return folders.length > 0 ? folders.map((split) => ({ split, dir: path.join(dir, split) })) : [{ split: path.basename(dir), dir }];
}

/**
 * Every document of the corpus, read and extracted as ingest reads it; a file ingest would refuse stops the run with
 * ingest's own message (it names the file). Empty when there is no document, or no such folder.
 */
export function readCorpus(dir: string): CorpusEntry[] {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) return [];
  return splitsOf(dir).flatMap(({ split, dir: splitDir }) =>
    documentsIn(splitDir).map((file) => {
      const at = path.join(splitDir, file);
      const extracted = extractText(readSource(at));
      return { split, file, path: at, language: extracted.metadata.language ?? guessLanguage(extracted.text), extracted };
    }),
  );
}
