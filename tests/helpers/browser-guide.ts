import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/project-root';

/** The runnable snippets of the Neo4j Browser guide, unescaped, in slide order. */
export function guideSnippets(): string[] {
  const html = fs.readFileSync(path.join(PROJECT_ROOT, 'neo4j-browser', 'guide.html'), 'utf8');
  return [...html.matchAll(/<pre mode="cypher" class="[^"]*runnable[^"]*">([\s\S]*?)<\/pre>/g)].map((m) =>
    m[1]!
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#x27;/g, "'")
      .replace(/&amp;/g, '&'),
  );
}
