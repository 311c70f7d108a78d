import fs from 'node:fs';
import path from 'node:path';
import { marked, type Token, type Tokens } from 'marked';
import { PROJECT_ROOT } from '../project-root';

/** One GraphQL example of the handbook: run by the tests against the production seed, and a tab in GraphiQL. */
export interface HandbookExample {
  name: string;
  /** The page it is on, relative to the project root. */
  file: string;
  /** The block's text after its `# Example: <name>` line. */
  query: string;
  /** The ```json variables block that follows it, if any. */
  variables?: Record<string, unknown>;
}

/** The handbook's pages, relative to `root`: README.md, then every Markdown file under docs/, in path order. */
export function handbookPages(root: string = PROJECT_ROOT): string[] {
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const file = path.posix.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith('.md')) pages.push(file);
    }
  };
  if (fs.existsSync(path.join(root, 'docs'))) walk('docs');
  return ['README.md', ...pages.sort()];
}

/** A page's top-level Markdown tokens, as marked reads them (GitHub-flavoured). */
export function pageTokens(file: string, root: string = PROJECT_ROOT): Token[] {
  return marked.lexer(fs.readFileSync(path.join(root, file), 'utf8'));
}

const codeLanguage = (token: Token): string | undefined => (token.type === 'code' ? ((token as Tokens.Code).lang ?? '').trim() : undefined);

/** The examples of one page: every ```graphql block, each named by its first line and followed by its variables. */
function pageExamples(file: string, root: string): HandbookExample[] {
  const tokens = pageTokens(file, root).filter((t) => t.type !== 'space');
  const examples: HandbookExample[] = [];
  tokens.forEach((token, i) => {
    if (codeLanguage(token)?.split(/\s+/)[0] !== 'graphql') return;
    const text = (token as Tokens.Code).text;
    const named = /^# Example: ([a-z0-9-]+)\n([\s\S]+)$/.exec(text);
    if (!named) throw new Error(`${file}: a graphql block does not start with "# Example: <name>" (lower case, digits, hyphens): ${text.split('\n')[0]}`);
    const example: HandbookExample = { name: named[1]!, file, query: named[2]!.trim() + '\n' };
    const next = tokens[i + 1];
    if (next && codeLanguage(next) === 'json variables') {
      try {
        example.variables = JSON.parse((next as Tokens.Code).text) as Record<string, unknown>;
      } catch (error) {
        throw new Error(`${file}: the variables of example "${example.name}" are not JSON: ${(error as Error).message}`);
      }
    }
    examples.push(example);
  });
  return examples;
}

/** Every GraphQL example of the handbook, in page order; a block without a name, or a name used twice, is an error. */
export function handbookExamples(root: string = PROJECT_ROOT): HandbookExample[] {
  const examples = handbookPages(root).flatMap((file) => pageExamples(file, root));
  const seen = new Map<string, string>();
  for (const { name, file } of examples) {
    if (seen.has(name)) throw new Error(`${file}: example "${name}" is already the name of an example in ${seen.get(name)}; names are unique`);
    seen.set(name, file);
  }
  return examples;
}
