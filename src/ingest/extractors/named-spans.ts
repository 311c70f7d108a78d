import { inFurniture, ofKind, type Candidate, type IngestDocument } from './extractor';
import type { Gazetteer } from './gazetteer';

/** An entity named at a place in the text: a linked mention or an occurrence of a proposed entity. */
export interface NamedSpan {
  id: string;
  type: string;
  start: number;
  end: number;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Where the document names an entity, from the mentions and new entities found so far: each linked mention, and every
 * occurrence of a proposed entity's name, alias or short name outside furniture; where names overlap ("UNESCO" inside
 * "UNESCO headquarters") the longer one is meant. With the entities' names by id, known and proposed.
 */
export function namedSpans(document: IngestDocument, known: Gazetteer, found: readonly Candidate[]): { spans: NamedSpan[]; names: Map<string, string> } {
  const entities = ofKind(found, 'entity');
  const types = new Map([...known.entities.map((e) => [e.id, e.type] as const), ...entities.map((c) => [c.entity.id, c.entity.type] as const)]);
  const names = new Map([...known.entities.map((e) => [e.id, e.name] as const), ...entities.map((c) => [c.entity.id, c.entity.name] as const)]);
  const named: NamedSpan[] = ofKind(found, 'mention').flatMap(({ mention: m }) =>
    m.entity ? [{ id: m.entity, type: types.get(m.entity) ?? '', start: m.start, end: m.end }] : [],
  );
  // Every occurrence of a proposed entity's name, alias, or short name (the part of a title before its dash: "the
  // Strategic Lab"), as whole words, outside furniture.
  for (const candidate of entities) {
    const short = candidate.entity.name.split(/ [–-] /)[0]!;
    const spellings = new Set([candidate.entity.name, ...candidate.entity.aliases, ...(short !== candidate.entity.name && short.includes(' ') ? [short] : [])]);
    for (const spelling of spellings) {
      // A name of several words is found whatever its case ("UNESCO headquarters"); one word only as written.
      const pattern = new RegExp(`(?<![\\w])${escape(spelling)}(?![\\w])`, spelling.includes(' ') ? 'gi' : 'g');
      for (const m of document.text.matchAll(pattern))
        if (!inFurniture(document, m.index))
          named.push({ id: candidate.entity.id, type: candidate.entity.type, start: m.index, end: m.index + spelling.length });
    }
  }
  const spans: NamedSpan[] = [];
  for (const span of named.sort((a, b) => b.end - b.start - (a.end - a.start))) {
    if (!spans.some((s) => span.start < s.end && s.start < span.end)) spans.push(span);
  }
  return { spans, names };
}
