import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { marked, type Token, type Tokens } from 'marked';
import { graphiqlTabs } from '../../src/workbench/build';
import { handbookExamples, handbookPages, pageTokens } from '../../src/workbench/handbook';

// The handbook (README.md and docs/) stays a handbook: a short front page that links every page, pages with a table
// of contents, and no link that leads nowhere. Its GraphQL examples run in tests/e2e/production-seed.test.ts.

const README_MAX_BYTES = 12 * 1024;

/** GitHub's anchor for a heading: lower case, punctuation dropped, each space a hyphen. */
const slug = (heading: string) =>
  heading
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');

/** Every link and image of a page, with the page's own headings' anchors. */
function readPage(root: string, file: string): { links: { href: string; image: boolean }[]; headings: Tokens.Heading[]; anchors: Set<string> } {
  const tokens = pageTokens(file, root);
  const links: { href: string; image: boolean }[] = [];
  const headings: Tokens.Heading[] = [];
  marked.walkTokens(tokens, (token: Token) => {
    if (token.type === 'link' || token.type === 'image') links.push({ href: (token as Tokens.Link).href, image: token.type === 'image' });
    if (token.type === 'heading') headings.push(token as Tokens.Heading);
  });
  const anchors = new Set<string>();
  for (const heading of headings) {
    let anchor = slug(heading.text);
    for (let n = 1; anchors.has(anchor); n++) anchor = `${slug(heading.text)}-${n}`;
    anchors.add(anchor);
  }
  return { links, headings, anchors };
}

/** The relative links and images of `files` that lead to no file, or to no heading of the Markdown page they name. */
function brokenLinks(root: string, files: string[]): string[] {
  const broken: string[] = [];
  for (const file of files) {
    for (const { href, image } of readPage(root, file).links) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(href)) continue;
      const [target = '', anchor] = decodeURIComponent(href).split('#');
      const resolved = target === '' ? file : path.posix.normalize(path.posix.join(path.posix.dirname(file), target));
      if (!fs.existsSync(path.join(root, resolved))) broken.push(`${file}: ${image ? 'image' : 'link'} ${href}: no file ${resolved}`);
      else if (anchor && resolved.endsWith('.md') && !readPage(root, resolved).anchors.has(anchor)) broken.push(`${file}: link ${href}: no heading #${anchor}`);
    }
  }
  return broken;
}

/** What is wrong with a page's table of contents: a "## Contents" first, listing every other second-level heading in order. */
function contentsProblems(root: string, file: string): string[] {
  const tokens = pageTokens(file, root).filter((t) => t.type !== 'space');
  const at = tokens.findIndex((t) => t.type === 'heading' && (t as Tokens.Heading).depth === 2);
  if (at < 0 || (tokens[at] as Tokens.Heading).text !== 'Contents') return [`${file}: its first second-level heading is not "## Contents"`];
  const list = tokens[at + 1];
  if (list?.type !== 'list') return [`${file}: "## Contents" is not followed by a list`];
  const listed: string[] = [];
  marked.walkTokens([list], (token) => {
    if (token.type === 'link') listed.push((token as Tokens.Link).href);
  });
  const sections = tokens.slice(at + 2).filter((t) => t.type === 'heading' && (t as Tokens.Heading).depth === 2);
  const expected = sections.map((h) => `#${slug((h as Tokens.Heading).text)}`);
  return JSON.stringify(listed) === JSON.stringify(expected) ? [] : [`${file}: its contents list ${listed.join(' ')}, its sections are ${expected.join(' ')}`];
}

const root = path.resolve(__dirname, '..', '..');
const docsPages = handbookPages(root).filter((page) => page.startsWith('docs/'));

describe('the handbook', () => {
  it(`has a front page of at most ${README_MAX_BYTES} bytes`, () => {
    expect(fs.statSync(path.join(root, 'README.md')).size).toBeLessThanOrEqual(README_MAX_BYTES);
  });

  it('has an index and at least four pages under docs/, each linked from the front page', () => {
    expect(docsPages).toContain('docs/README.md');
    expect(docsPages.filter((page) => page !== 'docs/README.md').length).toBeGreaterThanOrEqual(4);
    const linked = new Set(readPage(root, 'README.md').links.map(({ href }) => href.split('#')[0]));
    expect(docsPages.filter((page) => !linked.has(page))).toEqual([]);
  });

  it('gives every docs page a table of contents of its sections', () => {
    expect(docsPages.flatMap((page) => contentsProblems(root, page))).toEqual([]);
  });

  it('has no relative link or image that leads nowhere, anchors included', () => {
    expect(brokenLinks(root, handbookPages(root))).toEqual([]);
  });

  it('names every GraphQL example once, and offers each as a GraphiQL tab', () => {
    const examples = handbookExamples(root);
    expect(examples.length).toBeGreaterThan(10);
    expect(examples[0]).toMatchObject({ name: 'partners-attendance', file: 'README.md' });
    const tabs = graphiqlTabs(examples);
    expect(tabs[0]!.query).toMatch(/^query PartnersAttendance \{\n/);
    const withVariables = tabs.filter((tab) => tab.variables !== undefined);
    expect(withVariables.length).toBeGreaterThan(0);
    for (const tab of withVariables) expect(JSON.parse(tab.variables!)).toEqual(examples.find((e) => e.name === tab.name)!.variables);
  });
});

describe('the handbook checks, on a handbook that breaks them', () => {
  let scratch: string;
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(scratch, file)), { recursive: true });
    fs.writeFileSync(path.join(scratch, file), text);
  };
  beforeEach(() => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'handbook-'));
  });
  afterEach(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it('report a missing file, a missing image and a missing anchor', () => {
    write('README.md', '# Front\n\n[a](docs/a.md#nowhere) [b](docs/b.md) ![c](docs/images/c.png) [ok](docs/a.md#the-part-one)\n');
    write('docs/a.md', '# A\n\n## The part: one\n');
    expect(brokenLinks(scratch, handbookPages(scratch))).toEqual([
      'README.md: link docs/a.md#nowhere: no heading #nowhere',
      'README.md: link docs/b.md: no file docs/b.md',
      'README.md: image docs/images/c.png: no file docs/images/c.png',
    ]);
  });

  it('report a page without contents, and contents that miss a section', () => {
    write('docs/none.md', '# None\n\n## Usage\n');
    write('docs/short.md', '# Short\n\n## Contents\n\n- [Usage](#usage)\n\n## Usage\n\n## Limits\n');
    write('docs/good.md', '# Good\n\n## Contents\n\n- [Usage](#usage)\n\n## Usage\n');
    expect(contentsProblems(scratch, 'docs/none.md')).toEqual(['docs/none.md: its first second-level heading is not "## Contents"']);
    expect(contentsProblems(scratch, 'docs/short.md')).toEqual(['docs/short.md: its contents list #usage, its sections are #usage #limits']);
    expect(contentsProblems(scratch, 'docs/good.md')).toEqual([]);
  });

  it('refuse an unnamed GraphQL example, a name used twice and variables that are not JSON', () => {
    write('README.md', '# Front\n\n```graphql\n# Example: one\n{ statistics { nodes } }\n```\n\n```json variables\n{ "a": 1 }\n```\n');
    write('docs/a.md', '# A\n\n```graphql\n{ statistics { nodes } }\n```\n');
    expect(() => handbookExamples(scratch)).toThrow(/docs\/a.md: a graphql block does not start with "# Example: <name>"/);
    write('docs/a.md', '# A\n\n```graphql\n# Example: one\n{ statistics { nodes } }\n```\n');
    expect(() => handbookExamples(scratch)).toThrow(/docs\/a.md: example "one" is already the name of an example in README.md/);
    write('docs/a.md', '# A\n\n```graphql\n# Example: two\nquery Two($a: Int) { statistics { nodes } }\n```\n```json variables\n{ a: 1 }\n```\n');
    expect(() => handbookExamples(scratch)).toThrow(/docs\/a.md: the variables of example "two" are not JSON/);
    write('docs/a.md', '# A\n');
    expect(handbookExamples(scratch)).toEqual([{ name: 'one', file: 'README.md', query: '{ statistics { nodes } }\n', variables: { a: 1 } }]);
  });
});
