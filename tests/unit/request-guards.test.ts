import { charsetRefusal, emptyQueryRefusal, jsonDepth, nestingDepth, nestingRefusal } from '../../src/http/request-guards';

describe('nestingDepth', () => {
  it('counts brackets, braces and parentheses, not those in strings or comments', () => {
    expect(nestingDepth('{ a(x: [[1]]) { b } }')).toBe(4);
    expect(nestingDepth('{ a(x: "[[[[[[") # {{{{{{\n }')).toBe(2);
    expect(nestingDepth('{ a(x: """ [[[[ " ]]""") }')).toBe(2);
    expect(nestingDepth('{ a(x: "esc \\" [[[[") }')).toBe(2);
  });

  it('stops once past the limit, so a huge document costs little', () => {
    expect(nestingDepth('['.repeat(1_000_000), 64)).toBe(65);
  });
});

describe('jsonDepth', () => {
  it('walks arrays and objects without recursion', () => {
    expect(jsonDepth({ t: [1, { a: [] }] })).toBe(4);
    expect(jsonDepth(null)).toBe(0);
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(jsonDepth(deep, 64)).toBe(65);
  });
});

describe('the refusals name the limit and what was found', () => {
  it('for nesting', () => {
    expect(nestingRefusal(`{ x(a: ${'['.repeat(70)}) }`, undefined)).toEqual({
      status: 400,
      code: 'NESTING_LIMIT_EXCEEDED',
      message: 'The query nests brackets, braces or parentheses more than 64 deep (found 65 at least); the limit is 64.',
    });
    expect(nestingRefusal('{ x }', { a: [[[]]] })).toBeUndefined();
  });

  it('for charsets other than UTF-8', () => {
    expect(charsetRefusal('application/json; charset=utf-16')).toMatchObject({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
    expect(charsetRefusal('application/json; charset="UTF-8"')).toBeUndefined();
    expect(charsetRefusal('application/json')).toBeUndefined();
    expect(charsetRefusal(undefined)).toBeUndefined();
  });

  it('for an empty query: nothing but whitespace, commas and comments', () => {
    for (const query of ['', '  \n\t', ',,', '# a comment\n  # another', '\uFEFF']) {
      expect(emptyQueryRefusal(query)).toEqual({
        status: 400,
        code: 'BAD_REQUEST',
        message: expect.stringMatching(/^The query is empty .*send a GraphQL operation/),
      });
    }
    for (const query of ['{ x }', '# c\n{', '\u0007', `${' '.repeat(10)}query`, undefined, 42]) expect(emptyQueryRefusal(query)).toBeUndefined();
  });
});
