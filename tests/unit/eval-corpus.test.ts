import fs from 'node:fs';
import path from 'node:path';
import { ENTITY_TYPES, type EntityType } from '../../src/model/entity-types';
import { isRelationshipType, relationshipDefinition } from '../../src/model/relationship-types';
import { PROJECT_ROOT } from '../../src/project-root';
import { readSeed } from '../../src/seed/read-seed';

// The evaluation corpus of issue 27: articles the project wrote, each with its expected proposals, split once.
const CORPUS = path.join(PROJECT_ROOT, 'tests', 'fixtures', 'eval-corpus');
const SPLITS = ['development', 'held-out'] as const;
const NOT_ARTICLES = new Set(['gold.json', 'README.md']);
// The kinds a name finder proposes; themes, goals and figures are phrases, not names, and are not listed as entities.
const PHRASE_TYPES: readonly EntityType[] = ['Goal', 'Theme', 'Figure'];
const NAMED_TYPES = new Set<string>(ENTITY_TYPES.filter((type) => !PHRASE_TYPES.includes(type)));
// Keys a gold relationship carries besides the model's properties: its ends, and a reader's note or role where the model has none.
const GOLD_KEYS = new Set(['type', 'from', 'to', 'role', 'note']);

interface GoldRelationship {
  type: string;
  from: string;
  to: string;
  [property: string]: string;
}
interface GoldArticle {
  file: string;
  style: string;
  language: 'en' | 'zh';
  options: Record<string, string>;
  linked: string[];
  linkedAs?: Record<string, string>;
  entities: { name: string; type: string }[];
  relationships: GoldRelationship[];
  figures: { value: number; unit: string; statedAs: string }[];
  furniture: string[];
}

const gold = (split: string): GoldArticle[] => JSON.parse(fs.readFileSync(path.join(CORPUS, split, 'gold.json'), 'utf8')) as GoldArticle[];
const articlesIn = (split: string) => fs.readdirSync(path.join(CORPUS, split)).filter((f) => !NOT_ARTICLES.has(f));

/** The text a reader sees: an HTML page without its head, scripts and tags; whitespace runs as one space. */
function visibleText(file: string): string {
  let raw = fs.readFileSync(file, 'utf8');
  if (file.endsWith('.html')) {
    raw = raw
      .replace(/<head[\s\S]*?<\/head>|<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/gi, ' ')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&nbsp;/g, ' ')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');
  }
  return raw.replace(/\s+/g, ' ');
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ');
const cjkCount = (text: string) => (text.match(/\p{Script=Han}/gu) ?? []).length;
const wordCount = (text: string) => text.split(' ').filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

const { data } = readSeed(path.join(PROJECT_ROOT, 'seed'));
const seed = new Map(data.entities.map(({ value }) => [value.id, value]));
const seedSpellings = (id: string): string[] => {
  const e = seed.get(id);
  if (!e) return [];
  return [e.name, ...e.aliases, ...('acronym' in e && e.acronym ? [e.acronym] : [])];
};

const everyArticle = SPLITS.flatMap((split) => gold(split).map((article) => ({ split, article })));

describe('the evaluation corpus (issue 27)', () => {
  it.each(SPLITS)('%s: every article has a gold entry and every gold entry an article, once', (split) => {
    const files = gold(split).map((a) => a.file);
    expect(new Set(files).size).toBe(files.length);
    expect([...files].sort()).toEqual(articlesIn(split).sort());
  });

  it('is split into at least 16 development and 8 held-out articles, no file in both, with at least 3 in Chinese', () => {
    const dev = gold('development');
    const held = gold('held-out');
    expect(dev.length).toBeGreaterThanOrEqual(16);
    expect(held.length).toBeGreaterThanOrEqual(8);
    expect(dev.filter((a) => held.some((h) => h.file === a.file))).toEqual([]);
    expect([...dev, ...held].filter((a) => a.language === 'zh').length).toBeGreaterThanOrEqual(3);
    expect(held.some((a) => a.language === 'zh')).toBe(true);
  });

  it.each(everyArticle.map(({ split, article }) => [`${split}/${article.file}`, split, article] as const))(
    '%s: is of the stated length (250-600 words, or 500-1,200 Chinese characters)',
    (_name, split, article) => {
      const text = visibleText(path.join(CORPUS, split, article.file));
      if (article.language === 'zh') {
        expect(cjkCount(text)).toBeGreaterThanOrEqual(500);
        expect(cjkCount(text)).toBeLessThanOrEqual(1200);
      } else {
        expect(article.language).toBe('en');
        expect(wordCount(text)).toBeGreaterThanOrEqual(250);
        expect(wordCount(text)).toBeLessThanOrEqual(600);
      }
    },
  );

  it.each(everyArticle.map(({ split, article }) => [`${split}/${article.file}`, split, article] as const))(
    '%s: its gold names occur verbatim in the text, entities outside the furniture',
    (_name, split, article) => {
      const text = visibleText(path.join(CORPUS, split, article.file));
      const missing = (names: string[]) => names.filter((n) => !text.includes(oneLine(n)));
      expect(missing(article.entities.map((e) => e.name))).toEqual([]);
      expect(missing(article.relationships.flatMap((r) => [r.from, r.to]))).toEqual([]);
      expect(missing(article.figures.map((f) => f.statedAs))).toEqual([]);
      expect(missing(article.furniture)).toEqual([]);
      expect(missing(Object.keys(article.linkedAs ?? {}))).toEqual([]);
      const body = article.furniture.reduce((t, line) => t.split(oneLine(line)).join(' | '), text);
      expect(article.entities.filter((e) => !body.includes(oneLine(e.name))).map((e) => e.name)).toEqual([]);
    },
  );

  it.each(everyArticle.map(({ split, article }) => [`${split}/${article.file}`, article] as const))(
    '%s: links only to known entities, lists named kinds once, and states figures as numbers',
    (_name, article) => {
      expect(article.linked.filter((id) => !seed.has(id))).toEqual([]);
      expect(new Set(article.linked).size).toBe(article.linked.length);
      expect(Object.values(article.linkedAs ?? {}).filter((id) => !article.linked.includes(id))).toEqual([]);
      expect(article.entities.filter((e) => !NAMED_TYPES.has(e.type))).toEqual([]);
      expect(new Set(article.entities.map((e) => e.name)).size).toBe(article.entities.length);
      // A new entity must not be a known one under another spelling: that is a link, not a proposal.
      const known = new Set(article.linked.flatMap(seedSpellings));
      expect(article.entities.filter((e) => known.has(e.name)).map((e) => e.name)).toEqual([]);
      expect(article.figures.filter((f) => !Number.isFinite(f.value) || f.unit.length === 0)).toEqual([]);
    },
  );

  it.each(everyArticle.map(({ split, article }) => [`${split}/${article.file}`, article] as const))(
    '%s: every relationship is of a model type, between kinds the model allows, with the properties it requires',
    (_name, article) => {
      const kindOf = new Map<string, string>();
      for (const id of article.linked) for (const spelling of seedSpellings(id)) kindOf.set(spelling, seed.get(id)!.type);
      for (const [spelling, id] of Object.entries(article.linkedAs ?? {})) kindOf.set(spelling, seed.get(id)?.type ?? '?');
      for (const e of article.entities) kindOf.set(e.name, e.type);
      const problems = article.relationships.flatMap((r) => relationshipProblems(r, kindOf));
      expect(problems).toEqual([]);
      const keys = article.relationships.map((r) => `${r.type}|${r.from}|${r.to}`);
      expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
    },
  );
});

/** What is wrong with one gold relationship, by the model's table, as readable strings (none when it is sound). */
function relationshipProblems(r: GoldRelationship, kindOf: ReadonlyMap<string, string>): string[] {
  const at = `${r.type} ${r.from} -> ${r.to}`;
  if (!isRelationshipType(r.type)) return [`${at}: not a model type`];
  const def = relationshipDefinition(r.type);
  if (def.derived) return [`${at}: derived by the loader, never stated`];
  const problems: string[] = [];
  const from = kindOf.get(r.from);
  const to = kindOf.get(r.to);
  if (from === undefined) problems.push(`${at}: "${r.from}" is neither a gold entity nor a spelling of a linked one`);
  else if (!(def.from as readonly string[]).includes(from)) problems.push(`${at}: from a ${from}, which the model does not allow`);
  if (to === undefined) problems.push(`${at}: "${r.to}" is neither a gold entity nor a spelling of a linked one`);
  else if (!(def.to as readonly string[]).includes(to)) problems.push(`${at}: to a ${to}, which the model does not allow`);
  const properties: Record<string, { required?: boolean; values?: readonly string[] }> = def.properties ?? {};
  for (const [name, spec] of Object.entries(properties)) {
    if (spec.required && !r[name]) problems.push(`${at}: lacks the required ${name}`);
    if (spec.values && r[name] !== undefined && !spec.values.includes(r[name]!)) problems.push(`${at}: ${name} "${r[name]}" is not one of the model's values`);
  }
  for (const key of Object.keys(r)) if (!GOLD_KEYS.has(key) && !(key in properties)) problems.push(`${at}: ${key} is not a property of ${r.type}`);
  return problems;
}

// The model's kinds, so that a renamed kind shows here rather than as a silent mismatch.
it('names only kinds the model has', () => {
  const kinds: readonly string[] = ENTITY_TYPES;
  expect([...NAMED_TYPES].filter((t) => !kinds.includes(t as EntityType))).toEqual([]);
});
