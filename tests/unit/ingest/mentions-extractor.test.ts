import fs from 'node:fs';
import path from 'node:path';
import { Gazetteer } from '../../../src/ingest/extractors/gazetteer';
import { linkMentions, mentionExtractor } from '../../../src/ingest/extractors/mentions';
import { knownEntities } from '../../../src/ingest/index';
import { PROJECT_ROOT } from '../../../src/project-root';
import { describeExtractorContract, runExtractor } from '../../helpers/extractor-contract';

const SEED = path.join(PROJECT_ROOT, 'seed');

describeExtractorContract(mentionExtractor);

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

  it('as an extractor, locates each mention at its words, says how it matched, and proposes none in page furniture', () => {
    const { own } = runExtractor(
      mentionExtractor,
      'A headline\n\nUNICEP and the Ministry of Education met.\n\nShare to WeChat\nRelated articles\n• UNICEF opens an office',
      [
        { id: 'org:unicef', type: 'Organization', name: "United Nations Children's Fund", spellings: ['UNICEF'] },
        { id: 'org:moe-china', type: 'Organization', name: 'Ministry of Education of China', spellings: ['Ministry of Education'] },
        { id: 'org:moe-kenya', type: 'Organization', name: 'Ministry of Education of Kenya', spellings: ['Ministry of Education'] },
      ],
    );
    expect(own.map((c) => [c.quote, c.confidence, c.reason])).toEqual([
      ['UNICEP', 0.75, 'typo match of the spelling "UNICEF"'],
      ['Ministry of Education', 0.5, '"Ministry of Education" spells 2 entities: org:moe-china, org:moe-kenya'],
    ]);
  });
});
