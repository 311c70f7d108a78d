import { dateExtractor } from '../../../src/ingest/extractors/dates';
import { resolve } from '../../../src/ingest/pipeline/resolve';
import { sentences } from '../../../src/ingest/nlp/sentences';
import { analyse, Gazetteer, located, EXTRACTORS, type Extractor } from '../../../src/ingest/index';
import { extractText } from '../../../src/ingest/source/extract-text';
import { describeExtractorContract, documentOf, runExtractor } from '../../helpers/extractor-contract';

const TEXT = 'A headline\n\nThe Global Teachers Forum was held from 4 to 8 March 2019 at UNESCO Headquarters.\n\nShare to WeChat\nRelated articles';

// An extractor of the kind the seam is for, registered beside the rule extractors rather than wired into them.
const handles: Extractor = {
  name: 'handles',
  kinds: ['entity'],
  extract: (document) =>
    [...document.text.matchAll(/@([A-Z]\w+)/g)].map((m) => ({
      kind: 'entity' as const,
      entity: {
        id: `theme:${m[1]!.toLowerCase()}`,
        type: 'Theme' as const,
        kind: 'hot_topic' as const,
        name: m[1]!,
        aliases: [],
        evidence: [{ doc: document.id, quote: m[0] }],
      },
      ...located(document, m.index, m.index + m[0].length, 0.5, 'a handle'),
    })),
};

describe('segmenting a document', () => {
  it('splits sentences within paragraphs, a headline being one of its own', () => {
    expect(sentences('A headline\n\nOne sentence. Another one.').map((s) => s.text)).toEqual(['A headline', 'One sentence.', 'Another one.']);
  });

  it('gives extractors the sentences with their tagged words, and the furniture apart', () => {
    const document = documentOf(TEXT);
    expect(document.sentences.map((s) => s.text)).toContain('The Global Teachers Forum was held from 4 to 8 March 2019 at UNESCO Headquarters.');
    for (const sentence of document.sentences) {
      for (const word of sentence.words) expect(document.text.slice(word.start, word.end)).toBe(word.text);
    }
    expect(document.sentences[1]!.words.find((w) => w.text === 'Forum')!.pos).toBe('PROPN');
    expect(document.furniture.map((r) => document.text.slice(r.start, r.end))).toEqual(['Share to WeChat', 'Related articles']);
  });
});

describe('the pipeline', () => {
  it('runs an extractor it is given after the rule extractors, and proposes what it finds', async () => {
    const extracted = extractText({ file: 'test.txt', format: 'text', raw: `${TEXT}\n\nTeachers met under @Teachers2030.` });
    const { entities } = await analyse('doc:test', extracted, new Gazetteer([]), [...EXTRACTORS, handles]);
    expect(entities.map((c) => c.entity.name)).toContain('Teachers2030');
    expect((await analyse('doc:test', extracted, new Gazetteer([]))).entities.map((c) => c.entity.name)).not.toContain('Teachers2030');
  });

  it("resolves a claim about a proposed entity into the entity's value, and keeps one candidate per entity", () => {
    const { found, own } = runExtractor(dateExtractor, TEXT);
    const proposals = resolve([...found, ...own, ...found.filter((c) => c.kind === 'entity')]);
    const forum = proposals.entities.find((c) => c.entity.name === 'Global Teachers Forum')!;
    expect(forum.entity).toMatchObject({ startDate: '2019-03-04', endDate: '2019-03-08' });
    expect(proposals.claims).toEqual([]);
    expect(new Set(proposals.entities.map((c) => c.entity.id)).size).toBe(proposals.entities.length);
  });
});

describeExtractorContract(handles, () => [{ name: 'a text with a handle', text: 'A headline\n\nTeachers met under @Teachers2030.', known: [] }]);
