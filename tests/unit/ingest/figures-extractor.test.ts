import { figureExtractor } from '../../../src/ingest/extractors/figures';
import { ofKind } from '../../../src/ingest/index';
import { describeExtractorContract, runExtractor } from '../../helpers/extractor-contract';

describeExtractorContract(figureExtractor);

describe('proposing figures', () => {
  const propose = (text: string) => ofKind(runExtractor(figureExtractor, text).own, 'figure');

  it('finds figures with their qualifier, scale and unit, leaving out years, dates and names with numbers', () => {
    const figures = propose(
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
  it('locates each figure at the words that state it, about the entity its sentence names', () => {
    const figures = propose('A headline\n\nUNESCO said that more than 1,000 participants attended.');
    expect(figures.map((c) => [c.quote, c.figure.subject, c.reason])).toEqual([
      ['more than 1,000 participants', expect.stringMatching(/unesco/), '"more than 1,000 participants" in its sentence'],
    ]);
  });
});
