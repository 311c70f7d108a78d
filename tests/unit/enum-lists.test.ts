import { entityTypes, MAX_ENUM_LIST, parseArgs, relationshipTypes } from '../../src/graphql/args';
import { BadUserInputError } from '../../src/graphql/errors';
import { z } from 'zod';

const types = z.object({ types: relationshipTypes });
const labels = z.object({ types: entityTypes });

describe('lists of enum values', () => {
  it('reach a statement each value once, in the order of the model, however often they are sent', () => {
    const sent = Array.from({ length: 8_000 }, (_, i) => ['ORGANIZED', 'PARTNER_OF', 'HELD_IN'][i % 3]!);
    expect(parseArgs(types, { types: sent }).types).toEqual(['PARTNER_OF', 'ORGANIZED', 'HELD_IN']);
    expect(parseArgs(labels, { types: ['PERSON', 'ORGANIZATION', 'PERSON', 'REGIONAL_BLOC'] }).types).toEqual(['Organization', 'Person', 'RegionalBloc']);
  });

  it('stay null when not given or empty', () => {
    expect(parseArgs(types, {}).types).toBeNull();
    expect(parseArgs(types, { types: [] }).types).toBeNull();
    expect(parseArgs(labels, { types: null }).types).toBeNull();
  });

  it('are refused, naming the argument, when longer than MAX_ENUM_LIST as sent or holding a value outside the model', () => {
    const long = () => parseArgs(types, { types: Array.from({ length: MAX_ENUM_LIST + 1 }, () => 'HELD_IN') });
    expect(long).toThrow(BadUserInputError);
    expect(long).toThrow(`Invalid argument types: must have at most ${MAX_ENUM_LIST} values`);
    expect(() => parseArgs(types, { types: ['HELD_IN', 'DROP_ALL'] })).toThrow('Invalid argument types.1: is not a relationship type of the model');
  });
});
