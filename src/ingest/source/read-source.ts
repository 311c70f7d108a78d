import fs from 'node:fs';
import path from 'node:path';
import { IngestError } from '../ingest-error';

/** The largest file `ingest` reads: 2 MiB is several times the longest report chapter; a bigger file is refused. */
export const MAX_SOURCE_BYTES = 2 * 1024 * 1024;

/** The largest PDF or Word file `ingest` reads: their bytes carry fonts and images besides the text, hence more room. */
export const MAX_BINARY_SOURCE_BYTES = 64 * 1024 * 1024;

export type SourceFormat = 'text' | 'markdown' | 'html';

/** The formats read from their bytes (by their own library), not decoded as text. */
export type BinaryFormat = 'pdf' | 'docx';

/** A PDF or Word file read: its bytes, and how to read them. */
export interface BinarySourceFile {
  file: string;
  format: BinaryFormat;
  bytes: Buffer;
}

const BINARY_FORMAT_BY_EXTENSION: Record<string, BinaryFormat> = { '.pdf': 'pdf', '.docx': 'docx' };

/** The binary format a file is read as, by its extension; null for the text formats. */
export function binaryFormatOf(file: string): BinaryFormat | null {
  return BINARY_FORMAT_BY_EXTENSION[path.extname(file).toLowerCase()] ?? null;
}

/** Whether `ingest` reads a file of this name when it finds it in a folder (by extension). */
export function isIngestible(file: string): boolean {
  const extension = path.extname(file).toLowerCase();
  return extension in FORMAT_BY_EXTENSION || extension in BINARY_FORMAT_BY_EXTENSION;
}

/** A source file read and decoded: its text as written (UTF-8), and how to read it. */
export interface SourceFile {
  file: string;
  format: SourceFormat;
  raw: string;
}

const FORMAT_BY_EXTENSION: Record<string, SourceFormat> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
};

/** The format a file is read as: its extension, else what its first characters look like. */
function formatOf(file: string, raw: string): SourceFormat {
  const byExtension = FORMAT_BY_EXTENSION[path.extname(file).toLowerCase()];
  if (byExtension) return byExtension;
  return /^\s*(<!doctype html|<html|<head|<body|<article)/i.test(raw) ? 'html' : 'text';
}

/** The charset an HTML file declares, if any. */
function declaredCharset(bytes: Buffer): string | null {
  const head = bytes.subarray(0, 2048).toString('latin1');
  return /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1]?.toLowerCase() ?? null;
}

/** Checks that a source is a file no larger than `maxBytes`, refusing with its name; returns the name to show. */
function statSource(file: string, maxBytes: number): string {
  const shown = path.relative(process.cwd(), file) || file;
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new IngestError(`${shown}: no such file.`, 'Give the path of a .txt, .md, .html, .pdf or .docx file, or of a folder of them.');
  }
  if (!stat.isFile()) throw new IngestError(`${shown}: not a file.`, 'Give the path of a .txt, .md, .html, .pdf or .docx file.');
  if (stat.size > maxBytes) {
    throw new IngestError(
      `${shown}: ${stat.size.toLocaleString('en')} bytes, more than the ${maxBytes.toLocaleString('en')} bytes ingest reads.`,
      'Split the document into parts (chapters, sections) and ingest each.',
    );
  }
  return shown;
}

/**
 * Reads a PDF or Word file's bytes for its own reader, refusing a missing, empty or oversized file with its name
 * (the reader refuses what it cannot open).
 */
export function readBinarySource(file: string, format: BinaryFormat, maxBytes = MAX_BINARY_SOURCE_BYTES): BinarySourceFile {
  const shown = statSource(file, maxBytes);
  const bytes = fs.readFileSync(file);
  if (bytes.length === 0) throw new IngestError(`${shown}: the file is empty.`, 'Nothing to ingest.');
  return { file, format, bytes };
}

/**
 * Reads a source for ingestion, refusing with a message that names the file: a missing, empty, oversized or binary
 * file, and text that is not UTF-8 (or declares another charset); the ingester never guesses an encoding.
 */
export function readSource(file: string, maxBytes = MAX_SOURCE_BYTES): SourceFile {
  const shown = statSource(file, maxBytes);
  const bytes = fs.readFileSync(file);
  if (bytes.length === 0 || bytes.toString('utf8').trim() === '') throw new IngestError(`${shown}: the file is empty.`, 'Nothing to ingest.');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    throw new IngestError(`${shown}: the text is UTF-16 (little-endian), which ingest does not read.`, 'Save the file as UTF-8 and ingest it again.');
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    throw new IngestError(`${shown}: the text is UTF-16 (big-endian), which ingest does not read.`, 'Save the file as UTF-8 and ingest it again.');
  }
  const sample = bytes.subarray(0, 8192);
  const controls = [...sample].filter((b) => b === 0 || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c)).length;
  if (sample.includes(0) || controls > sample.length * 0.01) {
    throw new IngestError(
      `${shown}: a binary file (it holds control bytes), not text.`,
      'Ingest reads plain text, Markdown and HTML, and PDF (.pdf) and Word (.docx) files by their extension; give the file its own extension.',
    );
  }
  const charset = declaredCharset(bytes);
  if (charset && charset !== 'utf-8' && charset !== 'utf8') {
    throw new IngestError(
      `${shown}: the page declares charset "${charset}"; ingest reads UTF-8 only.`,
      'Convert the file to UTF-8 (for example with iconv) and ingest it again.',
    );
  }
  let raw: string;
  try {
    raw = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    throw new IngestError(
      `${shown}: not valid UTF-8 (the bytes at offset ${at.toLocaleString('en')} are not a UTF-8 character); its encoding is unknown.`,
      'Convert the file to UTF-8 (for example with iconv -f windows-1252 -t utf-8) and ingest it again.',
    );
  }
  return { file, format: formatOf(file, raw), raw: raw.replace(/^\uFEFF/, '') };
}

/** The offset of the first character that breaks UTF-8 (where its lead byte stands). */
function firstInvalidUtf8(bytes: Buffer): number {
  let low = 0;
  let high = bytes.length;
  // The longest prefix that decodes, by bisection.
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    try {
      // Streaming, a prefix may end inside a character; only a byte that cannot belong to one fails.
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      low = mid;
    } catch {
      high = mid - 1;
    }
  }
  // A streamed prefix may hold the start of the broken character: step back to its lead byte.
  for (let back = 1; back <= 3 && low - back >= 0; back++) {
    const byte = bytes[low - back]!;
    if (byte >= 0xc0) return low - back;
    if (byte < 0x80) break;
  }
  return low;
}
