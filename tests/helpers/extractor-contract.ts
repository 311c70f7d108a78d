import fs from 'node:fs';
import path from 'node:path';
import { Gazetteer, EXTRACTORS, knownEntities, type Candidate, type Extractor, type IngestDocument, type KnownEntity } from '../../src/ingest/index';
import { extract } from '../../src/ingest/pipeline/extract';
import { segment } from '../../src/ingest/pipeline/segment';
import { extractText } from '../../src/ingest/source/extract-text';
import { PROJECT_ROOT } from '../../src/project-root';

const SEED = path.join(PROJECT_ROOT, 'seed');

/** A text read as the pipeline reads a plain-text file, up to the document extractors take. */
export function documentOf(text: string, id = 'doc:test'): IngestDocument {
  return segment(id, extractText({ file: 'test.txt', format: 'text', raw: text }));
}

/** The rule extractors that run before `extractor` (whose candidates it sees), in their order. */
export function extractorsBefore(extractor: Extractor): Extractor[] {
  const at = EXTRACTORS.indexOf(extractor);
  return at < 0 ? [...EXTRACTORS] : EXTRACTORS.slice(0, at);
}

/** What `extractor` proposes for a text, after the rule extractors before it, and what they proposed. */
export function runExtractor(
  extractor: Extractor,
  text: string,
  known: readonly KnownEntity[] = [],
): { document: IngestDocument; own: Candidate[]; found: Candidate[]; untouched: string } {
  const document = documentOf(text);
  const gazetteer = new Gazetteer(known);
  const found = extract(document, gazetteer, extractorsBefore(extractor));
  // The document and the candidates before, as they were handed to the extractor.
  const untouched = JSON.stringify({ document, found });
  return { document, own: extractor.extract(document, { known: gazetteer, found }), found, untouched };
}

/** A text to run an extractor on, with the entities the graph knows. */
export interface ContractSample {
  name: string;
  text: string;
  known: readonly KnownEntity[];
}

/** The texts every extractor is held to the contract on: both seed articles (with the seed known, and with nothing known), and short ones with furniture. */
export function contractSamples(): ContractSample[] {
  const known = knownEntities(SEED);
  const corpus = path.join(SEED, 'corpus');
  const articles = fs
    .readdirSync(corpus)
    .filter((name) => name.endsWith('.txt'))
    .sort();
  return [
    ...articles.flatMap((name) => {
      const text = fs.readFileSync(path.join(corpus, name), 'utf8');
      return [
        { name: `${name}, the seed known`, text, known },
        { name: `${name}, nothing known`, text, known: [] },
      ];
    }),
    {
      name: 'a short article with furniture',
      text:
        'A headline\n\nThe Global Teachers Forum was held from 4 to 8 March 2019 at UNESCO Headquarters in Paris, organized by UNESCO. ' +
        'More than 1,500 participants from 140 countries attended. Audrey Azoulay, Director-General of UNESCO, spoke at the forum.\n\n' +
        'Share to WeChat\nRelated articles\n• The Gates Foundation opens an office',
      known,
    },
  ];
}

/**
 * The contract every extractor keeps, as tests: only the kinds it declares; each candidate located in the text (its
 * offsets inside it, its quote what they span); a confidence from 0 to 1 and a reason; the same candidates every time,
 * with the document and the candidates before it left as they were.
 */
export function describeExtractorContract(extractor: Extractor, samples: () => ContractSample[] = contractSamples): void {
  describe(`the "${extractor.name}" extractor keeps the Extractor contract`, () => {
    let runs: ({ sample: ContractSample } & ReturnType<typeof runExtractor>)[] = [];
    beforeAll(() => {
      runs = samples().map((sample) => ({ sample, ...runExtractor(extractor, sample.text, sample.known) }));
    });
    const all = () => runs.flatMap((run) => run.own.map((candidate) => ({ run, candidate })));

    it('declares at least one kind, proposes something on its samples, and only the kinds it declares', () => {
      expect(extractor.kinds.length).toBeGreaterThan(0);
      expect(all().length).toBeGreaterThan(0);
      for (const { candidate } of all()) expect(extractor.kinds).toContain(candidate.kind);
    });

    it('locates every candidate in the text: offsets inside it, the quote what they span', () => {
      for (const { run, candidate } of all()) {
        expect(Number.isInteger(candidate.start) && Number.isInteger(candidate.end)).toBe(true);
        expect(candidate.start).toBeGreaterThanOrEqual(0);
        expect(candidate.end).toBeGreaterThanOrEqual(candidate.start);
        expect(candidate.end).toBeLessThanOrEqual(run.document.text.length);
        expect(candidate.quote).toBe(run.document.text.slice(candidate.start, candidate.end));
      }
    });

    it('gives every candidate a confidence from 0 to 1 and a reason', () => {
      for (const { candidate } of all()) {
        expect(candidate.confidence).toBeGreaterThanOrEqual(0);
        expect(candidate.confidence).toBeLessThanOrEqual(1);
        expect(typeof candidate.reason).toBe('string');
        expect(candidate.reason.trim()).not.toBe('');
      }
    });

    it('is deterministic, and leaves the document and the candidates before it as they were', () => {
      for (const run of runs) {
        expect(JSON.stringify({ document: run.document, found: run.found })).toBe(run.untouched);
        const again = extractor.extract(run.document, { known: new Gazetteer(run.sample.known), found: run.found });
        expect(again).toEqual(run.own);
      }
    });
  });
}
