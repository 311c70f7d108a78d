import type { EntityType } from '../model/entity-types';
import type { ApiContext } from './context';
import { entityTypeEnum, type EntityRecord } from './records';

/** Pairs the parallel evidence lists of a node or relationship; the document ids are fetched only when `document` is selected. */
export function evidence(props: Record<string, unknown>): { documentId: string; quote: string }[] {
  const docs = (props.evidenceDocs as string[] | undefined) ?? [];
  const quotes = (props.evidenceQuotes as string[] | undefined) ?? [];
  return Array.from({ length: Math.max(docs.length, quotes.length) }, (_, i) => ({ documentId: docs[i] ?? '', quote: quotes[i] ?? '' }));
}

/** An Entity field answered by code rather than read from the property of its own name. */
export interface ComputedField {
  /** The stored properties its resolver reads, fetched when the field is selected. */
  reads: readonly string[];
  resolve: (parent: EntityRecord, args: unknown, ctx: ApiContext) => unknown;
  /** The types that have the field; all Entity types when absent. */
  types?: readonly EntityType[];
}

/** The computed Entity fields; every other scalar field of an Entity type is the stored property of its name. */
export const COMPUTED_ENTITY_FIELDS: Record<string, ComputedField> = {
  type: { reads: [], resolve: (parent) => entityTypeEnum(parent.label) },
  aliases: { reads: ['aliases'], resolve: (parent) => (parent.props.aliases as string[] | undefined) ?? [] },
  inferred: { reads: ['inferred'], resolve: (parent) => parent.props.inferred === true },
  evidence: { reads: ['evidenceDocs', 'evidenceQuotes'], resolve: (parent) => evidence(parent.props) },
  // The entity's `kind` property, for the types that have one.
  category: {
    reads: ['kind'],
    resolve: (parent) => parent.props.kind ?? null,
    types: ['Organization', 'Place', 'Event', 'Programme', 'Goal', 'Theme', 'Document'],
  },
  // A document's full text, loaded on its own so that no other query carries it along.
  text: { reads: [], resolve: (parent, _args, ctx) => ctx.loaders.documentText.load(parent.props.id), types: ['Document'] },
};
