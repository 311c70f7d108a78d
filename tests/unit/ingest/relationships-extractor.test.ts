import path from 'node:path';
import { relationshipExtractor } from '../../../src/ingest/extractors/relationships';
import { knownEntities, ofKind } from '../../../src/ingest/index';
import { PROJECT_ROOT } from '../../../src/project-root';
import { describeExtractorContract, runExtractor } from '../../helpers/extractor-contract';

const SEED = path.join(PROJECT_ROOT, 'seed');

describeExtractorContract(relationshipExtractor);

describe('proposing relationships', () => {
  const known = knownEntities(SEED);
  const propose = (text: string) => {
    const { own, found } = runExtractor(relationshipExtractor, text, known);
    return { relationships: ofKind(own, 'relationship'), entities: ofKind(found, 'entity') };
  };
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
