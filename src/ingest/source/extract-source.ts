import path from 'node:path';
import { IngestError } from '../ingest-error';
import { extractDocx } from './docx';
import { extractText, type ExtractedText } from './extract-text';
import { extractPdf } from './pdf';
import { binaryFormatOf, readBinarySource, readSource, MAX_SOURCE_BYTES, type BinarySourceFile, type SourceFile } from './read-source';

/** The longest text `ingest` takes from a PDF or Word file: as much as the largest text file it reads. */
export const MAX_EXTRACTED_CHARS = MAX_SOURCE_BYTES;

/** A source file of any format `ingest` reads, and what was extracted from it. */
export interface ReadSource {
  source: SourceFile | BinarySourceFile;
  extracted: ExtractedText;
}

/**
 * Reads a source of any format `ingest` takes (text, Markdown, HTML by their own reader; PDF and Word by their
 * extension) into one shape: text, regions and metadata; refuses, naming the file, what cannot be read.
 */
export async function readAndExtract(file: string): Promise<ReadSource> {
  const format = binaryFormatOf(file);
  if (!format) {
    const source = readSource(file);
    return { source, extracted: extractText(source) };
  }
  const source = readBinarySource(file, format);
  const extracted = format === 'pdf' ? await extractPdf(source.bytes, file, MAX_EXTRACTED_CHARS) : await extractDocx(source.bytes, file);
  if (extracted.text.length > MAX_EXTRACTED_CHARS) {
    throw new IngestError(
      `${path.relative(process.cwd(), file) || file}: ${extracted.text.length.toLocaleString('en')} characters of text, more than the ${MAX_EXTRACTED_CHARS.toLocaleString('en')} ingest reads.`,
      'Split the document into parts (chapters, sections) and ingest each.',
    );
  }
  return { source, extracted };
}
