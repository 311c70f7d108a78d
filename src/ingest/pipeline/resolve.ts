import type { SeedEntity } from '../../seed/seed-schema';
import { ofKind, type Candidate, type ClaimCandidate, type EntityCandidate, type FigureCandidate, type RelationshipCandidate } from '../extractors/extractor';
import type { Mention } from '../extractors/extractor';

/** What an ingestion proposes, by kind, each in the order it was found. */
export interface Proposals {
  mentions: Mention[];
  entities: EntityCandidate[];
  relationships: RelationshipCandidate[];
  figures: FigureCandidate[];
  claims: ClaimCandidate[];
}

/** The first candidate of each key: two extractors proposing one thing propose it once. */
function firstOf<T>(candidates: readonly T[], key: (candidate: T) => string): T[] {
  const seen = new Set<string>();
  return candidates.filter((c) => !seen.has(key(c)) && Boolean(seen.add(key(c))));
}

/**
 * Merges the candidates into proposals: one per entity id, relationship (type and ends) and figure id; a claim about a
 * proposed entity gives it the value when it has none yet (the graph has nothing to compete with), the others stay claims.
 */
export function resolve(candidates: readonly Candidate[]): Proposals {
  const entities = firstOf(ofKind(candidates, 'entity'), (c) => c.entity.id);
  const proposed = new Map(entities.map((c) => [c.entity.id, c.entity as SeedEntity & Record<string, unknown>]));
  const claims: ClaimCandidate[] = [];
  for (const candidate of ofKind(candidates, 'claim')) {
    const entity = proposed.get(candidate.claim.subject);
    if (!entity) claims.push(candidate);
    else entity[candidate.claim.property] ??= candidate.claim.value;
  }
  return {
    mentions: ofKind(candidates, 'mention').map((c) => c.mention),
    entities,
    relationships: firstOf(ofKind(candidates, 'relationship'), (c) => `${c.relationship.type}|${c.relationship.from}|${c.relationship.to}`),
    figures: firstOf(ofKind(candidates, 'figure'), (c) => c.figure.id),
    claims,
  };
}
