import type { Database } from '../db/database';
import { normalizeName } from '../model/entity-resolution';
import { EVIDENCE_POSITIONS, FURNITURE_KINDS, type EvidencePosition } from '../model/evidence';
import { highlight, luceneForSpellings, matchSpans, tokenize } from '../model/text-search';
import { evidence, type EvidenceItem } from './computed-fields';
import { BadUserInputError } from './errors';
import type { Loaders } from './loaders';
import { toEntity, toRelationship, type EntityRecord, type RelationshipRecord, type RelationshipRow } from './records';
import { documentCandidates, evidenceCandidates, nameCandidates } from './translate/evidence-search';

// Search across the evidence: the quotes of every fact, and the texts of the documents. Lucene finds candidates on
// the quotes' folded words (model/text-search.ts); the same folding then picks the quotes that match, so that what is
// returned, highlighted and counted is exactly what matched.

/** At most this many facts (or documents) are read for one search; a query matching more is refused, never cut. */
export const SEARCH_CANDIDATE_LIMIT = 5_000;

type NodeRow = { labels: string[]; props: Record<string, unknown> };

/** The entity with exactly this name or alias, case, accents and punctuation aside. */
export async function entityByName(db: Database, loaders: Loaders, name: string): Promise<EntityRecord | null> {
  const wanted = normalizeName(name);
  const lucene = luceneForSpellings([wanted.split(' ').filter(Boolean)]);
  if (!lucene) return null;
  const rows = await db.query<{ node: NodeRow }>(nameCandidates({ lucene, limit: 200 }));
  loaders.budget.take(rows.length);
  for (const row of rows) {
    const spellings = [row.node.props.name, ...((row.node.props.aliases as unknown[] | undefined) ?? [])];
    if (spellings.some((s) => typeof s === 'string' && normalizeName(s) === wanted)) {
      const record = toEntity(row.node.labels, row.node.props);
      loaders.entity.prime(record.props.id, record);
      return record;
    }
  }
  return null;
}

/** The words searched for: the query's, and, when it names an entity exactly, each of that entity's spellings. */
async function spellingsOf(db: Database, loaders: Loaders, text: string): Promise<{ spellings: string[][]; resolved: EntityRecord | null }> {
  const own = tokenize(text).map((t) => t.word);
  if (own.length === 0) throw new BadUserInputError('Invalid argument query: must contain a letter or digit', 'query');
  const resolved = await entityByName(db, loaders, text);
  const spellings = new Map<string, string[]>([[own.join(' '), own]]);
  if (resolved) {
    for (const spelling of [resolved.props.name, ...((resolved.props.aliases as string[] | undefined) ?? [])]) {
      const words = tokenize(String(spelling ?? '')).map((t) => t.word);
      if (words.length > 0) spellings.set(words.join(' '), words);
    }
  }
  return { spellings: [...spellings.values()], resolved };
}

export interface EvidenceHit {
  score: number;
  evidence: EvidenceItem;
  highlight: string;
  matches: { start: number; end: number }[];
  relationship: RelationshipRecord | null;
  entity: EntityRecord | null;
}

export interface SearchResult<T> {
  hits: T[];
  resolved: EntityRecord | null;
  spellings: string[][];
}

function refuseIfTooMany(found: number, what: string): void {
  if (found >= SEARCH_CANDIDATE_LIMIT) {
    throw new BadUserInputError(`Invalid argument query: it matches ${SEARCH_CANDIDATE_LIMIT} ${what} or more; add words to narrow it`, 'query');
  }
}

/** Every quote of every fact that names the query, best fact first, then in the order the fact lists its evidence. */
export async function searchEvidence(db: Database, loaders: Loaders, text: string): Promise<SearchResult<EvidenceHit>> {
  const { spellings, resolved } = await spellingsOf(db, loaders, text);
  const rows = await db.query<{ score: number; node: NodeRow | null; rel: RelationshipRow | null }>(
    evidenceCandidates({ lucene: luceneForSpellings(spellings)!, limit: SEARCH_CANDIDATE_LIMIT }),
  );
  refuseIfTooMany(rows.length, 'facts');
  loaders.budget.take(rows.length);
  const hits: EvidenceHit[] = [];
  for (const row of rows) {
    const entity = row.node ? toEntity(row.node.labels, row.node.props) : null;
    const relationship = row.rel ? toRelationship(row.rel) : null;
    if (entity) loaders.entity.prime(entity.props.id, entity);
    for (const item of evidence((entity ?? relationship)!.props)) {
      const matches = matchSpans(item.quote, spellings);
      if (matches.length > 0) hits.push({ score: row.score, evidence: item, highlight: highlight(item.quote, matches), matches, relationship, entity });
    }
  }
  return { hits, resolved, spellings };
}

export interface Passage {
  score: number;
  documentId: string;
  position: EvidencePosition;
  start: number;
  end: number;
  text: string;
  highlight: string;
}

// A passage is a line of the document; a long one is cut to this many characters around its first match.
const PASSAGE_CHARS = 600;

/** Every passage (line) of a document's text, outside page furniture, that names the query; best document first. */
export async function searchDocuments(db: Database, loaders: Loaders, text: string): Promise<SearchResult<Passage>> {
  const { spellings, resolved } = await spellingsOf(db, loaders, text);
  const rows = await db.query<{ score: number; id: string; text: string; kinds: string[]; starts: number[]; ends: number[] }>(
    documentCandidates({ lucene: luceneForSpellings(spellings)!, limit: SEARCH_CANDIDATE_LIMIT }),
  );
  refuseIfTooMany(rows.length, 'documents');
  loaders.budget.take(rows.length);
  const hits: Passage[] = [];
  for (const doc of rows) {
    const regionAt = (at: number) => doc.kinds.find((_, i) => at >= doc.starts[i]! && at < doc.ends[i]!) ?? 'body';
    let lineStart = 0;
    for (const line of doc.text.split('\n')) {
      const kind = regionAt(lineStart + line.search(/\S|$/));
      const matches = (FURNITURE_KINDS as readonly string[]).includes(kind) ? [] : matchSpans(line, spellings);
      if (matches.length > 0) {
        const from = line.length > PASSAGE_CHARS ? Math.max(0, Math.min(matches[0]!.start - PASSAGE_CHARS / 3, line.length - PASSAGE_CHARS)) : 0;
        const to = Math.min(line.length, from + PASSAGE_CHARS);
        const inside = matches.filter((m) => m.start >= from && m.end <= to).map((m) => ({ start: m.start - from, end: m.end - from }));
        const excerpt = line.slice(from, to);
        hits.push({
          score: doc.score,
          documentId: doc.id,
          position: (EVIDENCE_POSITIONS as readonly string[]).includes(kind) ? (kind as EvidencePosition) : 'body',
          start: lineStart + from,
          end: lineStart + to,
          text: excerpt,
          highlight: highlight(excerpt, inside),
        });
      }
      lineStart += line.length + 1;
    }
  }
  return { hits, resolved, spellings };
}
