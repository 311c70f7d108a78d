import { entityExtractor } from '../../../src/ingest/extractors/entities';
import { ofKind, type KnownEntity } from '../../../src/ingest/index';
import { describeExtractorContract, runExtractor } from '../../helpers/extractor-contract';

describeExtractorContract(entityExtractor);

describe('proposing new entities', () => {
  const propose = (text: string, known: KnownEntity[] = []) => ofKind(runExtractor(entityExtractor, text, known).own, 'entity');

  it('types names by their words, titles and patterns, folds an acronym into its name, and splits "X and Y"', () => {
    const entities = propose(
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
    const known = [{ id: 'org:world-bank', type: 'Organization', name: 'World Bank', spellings: [] }];
    const entities = propose(
      'A headline\n\nThe World Bank funds AI and ICT in schools in Kenya.\n\nShare to WeChat\nRelated articles\n• The Gates Foundation opens an office',
      known,
    );
    expect(entities.map((c) => c.entity.name)).toEqual(['Kenya']);
  });

  it('locates each proposal at its first mention, and reads a name another carries with a year as the series', () => {
    const text = 'A headline\n\nThe Mobile Learning Week is held every year. The 2019 Mobile Learning Week was held in Paris.';
    const entities = propose(text);
    const series = entities.find((c) => c.entity.name === 'Mobile Learning Week')!;
    expect(series.entity.type).toBe('EventSeries');
    expect(series.reason).toMatch(/a series, since "2019 Mobile Learning Week" is one of its editions/);
    for (const c of entities) expect(c.quote).toBe(c.entity.name);
  });
});
