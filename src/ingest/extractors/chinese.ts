import type { SeedEntity, SeedRelationship } from '../../seed/seed-schema';
import type { HanlpTerm } from '../nlp/hanlp';
import { slug } from '../slug';
import { chineseNames, type ChineseName } from './chinese-names';
import { PREFIX, defaultKind } from './entity-cues';
import { inFurniture, located, ofKind, type Candidate, type Extractor, type IngestDocument } from './extractor';
import type { Gazetteer } from './gazetteer';

// An editor's or translator's byline ("（编辑：王芳）") is page furniture, whatever the layout marked.
const BYLINE = /（(?:责任)?(?:编辑|责编|校对|翻译)[：:][^）\n]*）/gu;

/** An entity named at a place in the text: a linked mention or a name proposed here, with its id and type. */
interface Named {
  id: string;
  type: string;
  start: number;
  end: number;
}

const sentenceAt = (document: IngestDocument, at: number) => document.sentences.find((s) => at >= s.start && at < s.end);

/**
 * Whether a name found by HanLP is one the gazetteer already linked, or a piece of a badly cut word around it ("赴华为公司",
 * "华为公司"): kept only when a known name opens it and a name of its own follows ("中国" + "联合国教科文组织全国委员会").
 */
function coveredByMention(name: ChineseName, mentions: readonly Named[]): boolean {
  const overlapping = mentions.filter((m) => m.start < name.end && name.start < m.end).sort((a, b) => a.start - b.start);
  if (overlapping.length === 0) return false;
  const first = overlapping[0]!;
  const crosses = overlapping.some((m) => m.start < name.start || m.end > name.end);
  return crosses || first.start !== name.start || name.end - first.end < 3;
}

/** The new entities of a Chinese document, one candidate per name at its first occurrence, none in furniture. */
function entityCandidates(document: IngestDocument, names: readonly ChineseName[], mentions: readonly Named[]): { candidates: Candidate[]; named: Named[] } {
  const bylines = [...document.text.matchAll(BYLINE)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const candidates: Candidate[] = [];
  const named: Named[] = [];
  const ids = new Map<string, string>();
  for (const name of names) {
    if (inFurniture(document, name.start) || bylines.some((b) => name.start >= b.start && name.start < b.end) || coveredByMention(name, mentions)) continue;
    const id = ids.get(name.name) ?? `${PREFIX[name.type]}:${slug(name.name)}`;
    named.push({ id, type: name.type, start: name.start, end: name.end });
    if (ids.has(name.name)) continue;
    ids.set(name.name, id);
    const sentence = sentenceAt(document, name.start);
    const entity = {
      id,
      type: name.type,
      ...(name.kind ? { kind: name.kind } : defaultKind(name.type)),
      name: name.name,
      aliases: [],
      evidence: [{ doc: document.id, quote: sentence?.text ?? name.name }],
    } as SeedEntity;
    candidates.push({ kind: 'entity', entity, ...located(document, name.start, name.end, name.type === 'Person' ? 0.8 : 0.7, name.reason) });
  }
  return { candidates, named };
}

/** The posts a term run names: the words HanLP tags as titles (nnt) from `from`, joined ("助理" + "总干事"), and where they end. */
function postAt(terms: readonly HanlpTerm[], from: number): { title: string; next: number } | null {
  if (from < 0) return null;
  let next = from;
  while (next < terms.length && terms[next]!.tag === 'nnt' && (next === from || terms[next - 1]!.end === terms[next]!.start)) next++;
  return next > from
    ? {
        title: terms
          .slice(from, next)
          .map((t) => t.word)
          .join(''),
        next,
      }
    : null;
}

/**
 * Posts held, from "<organization><title><person>" ("清华大学校长王希勤") and "<person>，<organization><title>" ("王希勤，清华大学校长"):
 * a HOLDS_POST from the person to the organization, with the title as written.
 */
function postCandidates(document: IngestDocument, terms: readonly HanlpTerm[], named: readonly Named[]): Candidate[] {
  const at = (offset: number) => named.find((n) => n.start === offset);
  const termStartingAt = (offset: number) => terms.findIndex((t) => t.start === offset);
  const facts = new Map<string, Candidate>();
  const propose = (person: Named, organization: Named, title: string, reason: string) => {
    const sentence = sentenceAt(document, Math.min(person.start, organization.start));
    if (!sentence || inFurniture(document, sentence.start) || facts.has(`${person.id}|${organization.id}`)) return;
    const relationship: SeedRelationship = {
      type: 'HOLDS_POST',
      from: person.id,
      to: organization.id,
      properties: { title },
      evidence: [{ doc: document.id, quote: sentence.text }],
    };
    facts.set(`${person.id}|${organization.id}`, { kind: 'relationship', relationship, ...located(document, sentence.start, sentence.end, 0.75, reason) });
  };
  for (const organization of named.filter((n) => n.type === 'Organization')) {
    const post = postAt(terms, termStartingAt(organization.end));
    if (!post) continue;
    const after = terms[post.next];
    const person = after ? at(after.start) : undefined;
    if (person?.type === 'Person') {
      propose(person, organization, post.title, '"<organization><title><person>"');
      continue;
    }
    const before = named.filter((n) => n.end < organization.start && /^[，,、\s]*$/u.test(document.text.slice(n.end, organization.start))).at(-1);
    if (before?.type === 'Person') propose(before, organization, post.title, '"<person>，<organization><title>"');
  }
  return [...facts.values()];
}

/**
 * Reads a document in Chinese with HanLP's words (the annotate stage's): proposes its organizations, people, places,
 * events and programmes that the graph does not know, at their first occurrence, and the posts its people hold.
 * A document with no HanLP annotation (another language, or rules only) gets nothing from it.
 */
export const chineseExtractor: Extractor = {
  name: 'chinese',
  kinds: ['entity', 'relationship'],
  extract: (document: IngestDocument, { known, found }: { known: Gazetteer; found: readonly Candidate[] }) => {
    if (!document.hanlp) return [];
    const types = new Map(known.entities.map((e) => [e.id, e.type]));
    const mentions: Named[] = ofKind(found, 'mention').flatMap(({ mention: m }) =>
      m.entity ? [{ id: m.entity, type: types.get(m.entity) ?? '', start: m.start, end: m.end }] : [],
    );
    const { candidates, named } = entityCandidates(document, chineseNames(document.text, document.hanlp.terms), mentions);
    const all = [...mentions, ...named].sort((a, b) => a.start - b.start);
    return [...candidates, ...postCandidates(document, document.hanlp.terms, all)];
  },
};
