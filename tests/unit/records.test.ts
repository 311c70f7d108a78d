import { toEntity, toRelationship } from '../../src/graphql/records';

// Records are the properties objects the driver returned, so that graphql-jit reads stored fields without a resolver.

describe('records', () => {
  it('answers an entity’s stored properties as its own fields, and keeps them under props', () => {
    const props = { id: 'org:unesco', name: 'UNESCO', aliases: ['UNECO'] };
    const record = toEntity(['Entity', 'Organization'], props);
    expect(record.label).toBe('Organization');
    expect(record.name).toBe('UNESCO');
    expect(record.props.aliases).toEqual(['UNECO']);
    // No copy: the properties object is the record.
    expect(record).toBe(props);
    expect(record.props).toBe(record);
  });

  it('answers a relationship’s stored properties and its identity as its own fields', () => {
    const record = toRelationship(
      { type: 'HOLDS_POST', id: 'rel-1', props: { title: 'Director-General', validFrom: '2017' } },
      { from: 'person:a', to: 'org:b' },
    );
    expect(record).toMatchObject({ id: 'rel-1', type: 'HOLDS_POST', fromId: 'person:a', toId: 'org:b', title: 'Director-General', validFrom: '2017' });
    expect(record.props.title).toBe('Director-General');
    expect(() => toRelationship({ type: 'NOT_A_TYPE', props: {} })).toThrow(/Unknown relationship type/);
  });
});
