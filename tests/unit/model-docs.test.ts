import fs from 'node:fs';
import path from 'node:path';
import { ErrorCode } from '../../src/graphql/errors';
import { ENTITY_TYPES } from '../../src/model/entity-types';
import { EVIDENCE_POSITION_DESCRIPTIONS } from '../../src/model/evidence';
import { RELATIONSHIP_TYPE_NAMES } from '../../src/model/relationship-types';
import { PROJECT_ROOT } from '../../src/project-root';
import { guideSnippets } from '../helpers/browser-guide';

const read = (file: string) => fs.readFileSync(path.join(PROJECT_ROOT, file), 'utf8');

describe('documentation of the model', () => {
  it('schema/README.md documents every label and relationship type of the model', () => {
    const doc = read('schema/README.md');
    for (const label of ENTITY_TYPES) expect(doc).toContain(`| \`${label}\` |`);
    for (const type of RELATIONSHIP_TYPE_NAMES) expect(doc).toContain(`| \`${type}\` |`);
  });

  it("the API's EvidencePosition enum describes each position in the model's words", () => {
    const sdl = read('schema/api.graphql');
    const values = sdl.match(/enum EvidencePosition \{([^}]*)\}/)![1]!;
    const described = [...values.matchAll(/"([^"]+)"\s+([A-Z]+)/g)].map(([, text, value]) => [value!.toLowerCase(), text]);
    const expected = Object.entries(EVIDENCE_POSITION_DESCRIPTIONS).map(([position, text]) => [position, `${text[0]!.toUpperCase()}${text.slice(1)}.`]);
    expect(described).toEqual(expected);
  });

  it('the Browser style gives every label a colour and a caption', () => {
    const grass = read('neo4j-browser/style.grass');
    for (const label of ENTITY_TYPES) expect(grass).toMatch(new RegExp(`node\\.${label} \\{[^}]*color: #[0-9A-F]{6};[^}]*caption: `));
  });

  it('the Browser guide applies the project style with a one-liner, first', () => {
    const [style] = guideSnippets();
    expect(style).toBe(':style http://127.0.0.1:4000/browser/style.grass');
  });

  it('the Browser guide is narrative beside runnable queries, and draws graphs for the relationship questions', () => {
    const html = read('neo4j-browser/guide.html');
    const slides = html.split('<slide').slice(1);
    expect(slides.length).toBeGreaterThanOrEqual(10);
    // Each slide with a query explains it in a column beside it.
    for (const slide of slides.filter((s) => s.includes('runnable'))) expect(slide).toMatch(/col-sm-4[\s\S]*<p>[\s\S]*col-sm-8/);
    const queries = guideSnippets().filter((q) => !q.startsWith(':'));
    // A query whose RETURN names no columns returns nodes and paths, which Browser draws.
    const drawing = queries.filter((q) => !/\bAS\b/.test(q.slice(q.lastIndexOf('RETURN'))));
    expect(drawing.length).toBeGreaterThanOrEqual(6);
    // The last slide points at the GraphQL API and the exports.
    expect(slides[slides.length - 1]).toMatch(/graphql[\s\S]*export/);
  });
});

describe('the GraphQL schema and the model', () => {
  it("has exactly the model's labels and relationship types as its enums", () => {
    const sdl = read('schema/api.graphql');
    const enumValues = (name: string) =>
      new RegExp(`enum ${name} \\{([^}]*)\\}`)
        .exec(sdl)![1]!
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => /^[A-Z_]+$/.test(l));
    expect(enumValues('RelationshipType')).toEqual(RELATIONSHIP_TYPE_NAMES);
    expect(enumValues('EntityType')).toEqual(ENTITY_TYPES.map((t) => t.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase()));
  });
});

describe('the error codes', () => {
  it("the handbook's table (docs/querying.md) lists exactly the ErrorCode enum", () => {
    const page = read('docs/querying.md');
    const [start, end] = [page.indexOf('\n## Errors\n'), page.indexOf('\n## Limits a client meets\n')];
    expect(start).toBeGreaterThan(0);
    expect(end).toBeGreaterThan(start);
    const section = page.slice(start, end);
    const documented = [...section.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual(Object.values(ErrorCode).sort());
  });
});
