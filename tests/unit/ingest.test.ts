import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { extractText } from '../../src/ingest/source/extract-text';
import { IngestError } from '../../src/ingest/ingest-error';
import { Gazetteer } from '../../src/ingest/extractors/gazetteer';
import { linkMentions } from '../../src/ingest/extractors/mentions';
import { sentences } from '../../src/ingest/nlp/sentences';
import { evaluateArticles, evaluateIngest, formatEvaluation } from '../../src/ingest/evaluate';
import { analyse } from '../../src/ingest/pipeline/run';
import { knownEntities } from '../../src/ingest/pipeline/read';
import { readSource } from '../../src/ingest/source/read-source';
import { PROJECT_ROOT } from '../../src/project-root';

const FIXTURES = path.join(PROJECT_ROOT, 'tests', 'fixtures', 'ingest');
const SEED = path.join(PROJECT_ROOT, 'seed');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ingest-unit-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const write = (name: string, content: string | Buffer) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
};
const refusal = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(IngestError);
    return (error as Error).message;
  }
  throw new Error('expected the ingester to refuse');
};

describe('reading a source', () => {
  it('refuses a missing, empty, oversized, binary, UTF-16 or non-UTF-8 file, naming it and the problem', () => {
    expect(refusal(() => readSource(path.join(dir, 'nowhere.txt')))).toMatch(/nowhere\.txt: no such file/);
    expect(refusal(() => readSource(write('empty.txt', '  \n\n')))).toMatch(/empty\.txt: the file is empty/);
    expect(refusal(() => readSource(write('big.txt', 'x'.repeat(200)), 100))).toMatch(/big\.txt: 200 bytes, more than the 100 bytes ingest reads/);
    expect(refusal(() => readSource(write('scan.pdf', Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02, 0x03]))))).toMatch(/scan\.pdf: a binary file/);
    expect(refusal(() => readSource(write('utf16.txt', Buffer.from([0xff, 0xfe, 0x41, 0x00]))))).toMatch(/utf16\.txt: the text is UTF-16/);
    // "café" in Latin-1: the fourth byte (0xE9) cannot start a UTF-8 character.
    expect(refusal(() => readSource(write('latin1.txt', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]))))).toMatch(
      /latin1\.txt: not valid UTF-8 \(the bytes at offset 3 are not a UTF-8 character\); its encoding is unknown/,
    );
    expect(refusal(() => readSource(write('old.html', '<html><head><meta charset="windows-1252"></head><body>Hi</body></html>')))).toMatch(
      /old\.html: the page declares charset "windows-1252"; ingest reads UTF-8 only/,
    );
  });

  it('reads text, Markdown and HTML by extension or content, without a byte-order mark', () => {
    expect(readSource(write('bom.txt', '\uFEFFHello there.')).raw).toBe('Hello there.');
    expect(readSource(write('page', '<!doctype html><html><body><p>Hi</p></body></html>')).format).toBe('html');
    expect(readSource(path.join(FIXTURES, 'teachers-ai-guidance.md')).format).toBe('markdown');
  });
});

describe('extracting the text', () => {
  it('keeps an HTML article with its headline, dateline and caption, and sets every kind of furniture aside', () => {
    const page = extractText(readSource(path.join(FIXTURES, 'education-ministers-forum.html')));
    const kinds = (kind: string) => page.regions.filter((r) => r.kind === kind).map((r) => r.text);
    expect(kinds('headline')).toEqual(['Education ministers meet in Paris on teachers and artificial intelligence']);
    expect(kinds('dateline')).toEqual(['5 September 2024']);
    expect(kinds('caption')).toEqual(['Stefania Giannini, Assistant Director-General for Education of UNESCO, opened the ministerial forum.']);
    expect(kinds('navigation')).toEqual(['News', 'Reports', 'Events']);
    expect(kinds('share button')).toEqual(['Share to WeChat Share on LinkedIn', 'Scan the QR code to share']);
    expect(kinds('newsletter')).toHaveLength(1);
    expect(kinds('related link')).toEqual(['Related articles', "Teachers' pay in ten countries", 'A new fund for school connectivity']);
    expect(kinds('footer')).toHaveLength(1);
    // Body paragraphs are the unmarked text.
    expect(page.text).toMatch(/UNESCO organized the week together with the International Telecommunication Union \(ITU\)\./);
    expect(page.metadata).toEqual({
      title: 'Education ministers meet in Paris on teachers and artificial intelligence',
      publisher: 'Education Policy Wire',
      published: '2024-09-05',
      url: 'https://example.org/news/ministers-forum-2024',
      language: 'en',
    });
  });

  it('reads Markdown as its text (headline, list items) and plain text with its furniture lines marked', () => {
    const note = extractText(readSource(path.join(FIXTURES, 'teachers-ai-guidance.md')));
    expect(note.metadata.title).toBe('New guidance on teachers and artificial intelligence');
    expect(note.regions.filter((r) => r.kind === 'list')).toHaveLength(5);
    expect(note.text).not.toMatch(/[#*]/);
    expect(note.regions.find((r) => r.kind === 'newsletter')?.text).toBe('Subscribe to our newsletter for more notes like this one.');
    const item = extractText(readSource(path.join(FIXTURES, 'smart-education-forum.txt')));
    expect(item.regions.map((r) => `${r.kind}: ${r.text}`)).toEqual([
      'headline: Smart education forum closes in Beijing',
      'share button: Share to WeChat',
      'share button: Scan the QR code to share',
    ]);
  });
});

describe('linking mentions to known entities', () => {
  const gazetteer = new Gazetteer(knownEntities(SEED));

  it('finds UNESCO under its misspelling in the first seed article, with the sentence as the quote', () => {
    const text = fs.readFileSync(path.join(SEED, 'corpus', '000_a57d32375154c029.txt'), 'utf8');
    const mentions = linkMentions(text, gazetteer);
    const uneco = mentions.find((m) => m.surface === 'UNECO')!;
    expect(uneco.entity).toBe('org:unesco');
    expect(uneco.quote).toBe('ICHEI is the only category 2 centre of UNECO specialized in higher education.');
    expect(text.slice(uneco.start, uneco.end)).toBe('UNECO');
    expect(text.slice(uneco.quoteStart, uneco.quoteStart + uneco.quote.length)).toBe(uneco.quote);
    for (const id of ['org:ichei', 'org:huawei', 'org:weidong', 'event:mlw-2019']) expect(mentions.map((m) => m.entity)).toContain(id);
  });

  it('takes one typo in a long name or an acronym, never in ordinary words, and flags names shared by two entities', () => {
    const small = new Gazetteer([
      { id: 'org:unicef', type: 'Organization', name: "United Nations Children's Fund", spellings: ['UNICEF'] },
      { id: 'org:who', type: 'Organization', name: 'World Health Organization', spellings: ['WHO'] },
      { id: 'place:paris', type: 'Place', name: 'Paris', spellings: [] },
      { id: 'org:moe-china', type: 'Organization', name: 'Ministry of Education of China', spellings: ['Ministry of Education'] },
      { id: 'org:moe-kenya', type: 'Organization', name: 'Ministry of Education of Kenya', spellings: ['Ministry of Education'] },
    ]);
    const mentions = linkMentions('UNICEP met the WHO. Parts of the plan were written by who knows whom. The Ministry of Education agreed.', small);
    expect(mentions.map((m) => [m.surface, m.entity, m.match])).toEqual([
      ['UNICEP', 'org:unicef', 'typo'],
      ['WHO', 'org:who', 'exact'],
      ['Ministry of Education', null, 'exact'],
    ]);
    expect(mentions[2]!.candidates).toEqual(['org:moe-china', 'org:moe-kenya']);
  });

  it('splits sentences within paragraphs, a headline being one of its own', () => {
    expect(sentences('A headline\n\nOne sentence. Another one.').map((s) => s.text)).toEqual(['A headline', 'One sentence.', 'Another one.']);
  });
});

describe('proposing new entities and figures', () => {
  const empty = new Gazetteer([]);
  const propose = (text: string, gazetteer = empty) => analyse('doc:test', extractText({ file: 'test.txt', format: 'text', raw: text }), gazetteer);

  it('types names by their words, titles and patterns, folds an acronym into its name, and splits "X and Y"', () => {
    const { entities } = propose(
      'A headline about nothing\n\nThe Organisation for Economic Co-operation and Development (OECD) and the African Union met in Nairobi. ' +
        'Mr. LI Ming, Director of ICHEI, opened the World Digital Education Conference. The World Bank and UNICEF attended. The OECD spoke last.',
    );
    const found = Object.fromEntries(
      entities.map((c) => [c.entity.name, `${c.entity.type}${c.entity.aliases.length ? ` (${c.entity.aliases.join(', ')})` : ''}`]),
    );
    expect(found).toMatchObject({
      'Organisation for Economic Co-operation and Development': 'Organization (OECD)',
      'African Union': 'RegionalBloc',
      Nairobi: 'Place',
      'LI Ming': 'Person',
      ICHEI: 'Organization',
      'World Digital Education Conference': 'Event',
      'World Bank': 'Organization',
      UNICEF: 'Organization',
    });
    // "Director" is a post, "OECD" the same entity as its long name, and nothing is proposed twice.
    expect(Object.keys(found)).not.toContain('Director');
    expect(Object.keys(found)).not.toContain('OECD');
    expect(new Set(entities.map((c) => c.entity.id)).size).toBe(entities.length);
  });

  it('proposes no entity the graph knows, none from furniture, and no common abbreviation', () => {
    const known = new Gazetteer([{ id: 'org:world-bank', type: 'Organization', name: 'World Bank', spellings: [] }]);
    const { entities } = propose(
      'A headline\n\nThe World Bank funds AI and ICT in schools in Kenya.\n\nShare to WeChat\nRelated articles\n• The Gates Foundation opens an office',
      known,
    );
    expect(entities.map((c) => c.entity.name)).toEqual(['Kenya']);
  });

  it('finds figures with their qualifier, scale and unit, leaving out years, dates and names with numbers', () => {
    const { figures } = propose(
      'A headline\n\nUNESCO said that more than 1,000 participants from 110 countries attended in March 2024. ' +
        'UNESCO reported that 2.5 million students gained access, about 40% of them girls, with US$20 billion of funding. The G20 met on 5 May 2024 about COVID-19.',
    );
    expect(figures.map((f) => [f.figure.statedAs, f.figure.value, f.figure.unit, f.figure.qualifier])).toEqual([
      ['more than 1,000 participants', 1000, 'participants', 'more than'],
      ['110 countries', 110, 'countries', 'exact'],
      ['2.5 million students', 2500000, 'students', 'exact'],
      ['about 40%', 40, 'percent', 'approximately'],
      ['US$20 billion', 20000000000, 'US$', 'exact'],
    ]);
    for (const f of figures) expect(f.figure.evidence[0]!.quote).toContain(f.figure.statedAs);
  });
});

describe('ingest-eval on the seed articles', () => {
  it('meets the targets: linked mentions P >= 0.95 and R >= 0.9, new entities R >= 0.8, relationships R >= 0.6 at P >= 0.7, figures R >= 0.8, no furniture entity', () => {
    const runs = evaluateIngest(SEED);
    expect(runs).toHaveLength(4);
    const sum = (pick: (r: (typeof runs)[number]) => { correct: number; expected: number; proposed: number; precision: number }) => {
      const correct = runs.reduce((n, r) => n + pick(r).correct, 0);
      const expected = runs.reduce((n, r) => n + pick(r).expected, 0);
      const proposed = runs.reduce((n, r) => n + pick(r).proposed, 0);
      const right = runs.reduce((n, r) => n + pick(r).precision * pick(r).proposed, 0);
      return { recall: correct / expected, precision: right / proposed };
    };
    expect(sum((r) => r.mentions).precision).toBeGreaterThanOrEqual(0.95);
    expect(sum((r) => r.mentions).recall).toBeGreaterThanOrEqual(0.9);
    expect(sum((r) => r.entities).recall).toBeGreaterThanOrEqual(0.8);
    expect(sum((r) => r.figures).recall).toBeGreaterThanOrEqual(0.8);
    expect(sum((r) => r.relationships).recall).toBeGreaterThanOrEqual(0.6);
    expect(sum((r) => r.relationships).precision).toBeGreaterThanOrEqual(0.7);
    expect(runs.flatMap((r) => r.furnitureEntities)).toEqual([]);
    expect(formatEvaluation(runs)).toMatch(/\| all \| both \|/);
  });
});

describe('proposing relationships', () => {
  const known = new Gazetteer(knownEntities(SEED));
  const propose = (text: string) => analyse('doc:test', extractText({ file: 'test.txt', format: 'text', raw: text }), known);
  const facts = (text: string) => {
    const { relationships, entities } = propose(text);
    const name = (id: string) => entities.find((c) => c.entity.id === id)?.entity.name ?? id;
    return relationships.map(
      (c) => `${name(c.relationship.from)} ${c.relationship.type} ${name(c.relationship.to)}${c.relationship.inferred ? ' (inferred)' : ''}`,
    );
  };

  it('reads posts, organizers, participants and venues from sentence patterns, every end as the model allows', () => {
    expect(
      facts(
        'A headline\n\nThe Global Teachers Forum was organized by UNESCO and the World Bank. The Global Teachers Forum was held at UNESCO Headquarters. ' +
          'Huawei participated in the Global Teachers Forum with its partners. Audrey Azoulay, Director-General of UNESCO, spoke at the Global Teachers Forum.',
      ),
    ).toEqual([
      'org:unesco ORGANIZED Global Teachers Forum',
      'org:world-bank ORGANIZED Global Teachers Forum',
      'Global Teachers Forum HELD_IN place:unesco-headquarters',
      'org:huawei PARTICIPATED_IN Global Teachers Forum',
      'person:audrey-azoulay HOLDS_POST org:unesco',
      'person:audrey-azoulay SPOKE_AT Global Teachers Forum',
    ]);
  });

  it('reads "the week" as the event the document is about, and says the fact is inferred', () => {
    expect(facts('A headline\n\nThe Global Teachers Forum 2030 opened today. Microsoft took part in the forum.')).toEqual([
      'org:microsoft PARTICIPATED_IN Global Teachers Forum 2030 (inferred)',
    ]);
    const { relationships } = propose('A headline\n\nThe Global Teachers Forum 2030 opened today. Microsoft took part in the forum.');
    expect(relationships[0]!.relationship.inferred).toMatch(/the sentence says "the forum", read as Global Teachers Forum 2030/);
  });
});

describe('ingest-eval on test articles of our own', () => {
  it('scores every article of gold.json, the held-out one included', () => {
    const runs = evaluateArticles(SEED, FIXTURES);
    expect(runs.map((r) => r.document)).toEqual([
      'education-ministers-forum.html',
      'teachers-ai-guidance.md',
      'smart-education-forum.txt',
      'held-out-press-release.txt',
    ]);
    for (const run of runs) {
      expect(run.mentions.recall).toBeGreaterThan(0.5);
      expect(run.figures.recall).toBeGreaterThan(0.5);
    }
    expect(formatEvaluation(runs, false)).not.toMatch(/Targets/);
  });
});
