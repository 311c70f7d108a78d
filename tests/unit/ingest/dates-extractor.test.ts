import { dateExtractor, statedDates } from '../../../src/ingest/extractors/dates';
import { ofKind, type KnownEntity } from '../../../src/ingest/index';
import { describeExtractorContract, runExtractor } from '../../helpers/extractor-contract';

describeExtractorContract(dateExtractor);

describe('proposing the dates of events', () => {
  const forum: KnownEntity = {
    id: 'event:forum-2019',
    type: 'Event',
    name: 'Global Teachers Forum 2019',
    spellings: [],
    properties: { startDate: '2019-03-04', endDate: '2019-03-09' },
  };
  const claims = (text: string, known: KnownEntity[] = []) => ofKind(runExtractor(dateExtractor, text, known).own, 'claim');

  it('reads the date patterns a sentence states, with the words that state them', () => {
    expect(statedDates('It was held from 4 to 8 March 2019 in Paris.')).toEqual({
      startDate: '2019-03-04',
      endDate: '2019-03-08',
      statedAs: 'from 4 to 8 March 2019',
    });
    expect(statedDates('from 30 September to 2 October 2024')).toMatchObject({ startDate: '2024-09-30', endDate: '2024-10-02' });
    expect(statedDates('on March 4-8, 2019')).toMatchObject({ startDate: '2019-03-04', endDate: '2019-03-08' });
    expect(statedDates('It opened on 5 May 2024.')).toMatchObject({ startDate: '2024-05-05', endDate: '2024-05-05' });
    expect(statedDates('It opened in 2024.')).toBeNull();
  });

  it('claims a known event dates other than the curated ones, once per property, at the sentence that states them', () => {
    const text = 'A headline\n\nThe Global Teachers Forum 2019 was held from 4 to 8 March 2019. The Global Teachers Forum 2019 ran from 4 to 8 March 2019.';
    const found = claims(text, [forum]);
    expect(found.map((c) => [c.claim.subject, c.claim.property, c.claim.value, c.reason])).toEqual([
      ['event:forum-2019', 'endDate', '2019-03-08', 'the text says "from 4 to 8 March 2019"; the graph has endDate 2019-03-09'],
    ]);
    expect(found[0]!.quote).toBe('The Global Teachers Forum 2019 was held from 4 to 8 March 2019.');
    expect(claims(text.replace(/8 March/g, '9 March'), [forum])).toEqual([]);
  });

  it("gives a proposed event's dates as claims about it, which the resolve stage turns into its own", () => {
    const found = claims('A headline\n\nThe Global Teachers Forum was held from 4 to 8 March 2019 at UNESCO Headquarters.');
    expect(found.map((c) => [c.claim.subject, c.claim.property, c.claim.value])).toEqual([
      ['event:global-teachers-forum', 'startDate', '2019-03-04'],
      ['event:global-teachers-forum', 'endDate', '2019-03-08'],
    ]);
  });
});
