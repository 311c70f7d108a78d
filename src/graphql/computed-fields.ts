import { formatCitation, type CitableDocument } from '../model/citation';
import { CLAIM_PROPERTIES, CLAIMABLE_PROPERTIES } from '../model/claims';
import type { EntityType } from '../model/entity-types';
import { EVIDENCE_PROPERTIES, FIGURE_CONTEXT_PROPERTIES, type EvidencePosition } from '../model/evidence';
import type { ApiContext } from './context';
import { entityTypeEnum, type EntityRecord } from './records';

/** One evidence item as the API resolves it; `document` and `citation` load the document by its id. */
export interface EvidenceItem {
  documentId: string;
  quote: string;
  position: EvidencePosition | null;
  start: number | null;
  end: number | null;
}

/** The stored lists each Evidence field reads. */
const EVIDENCE_FIELD_LISTS: Record<string, readonly (keyof typeof EVIDENCE_PROPERTIES)[]> = {
  document: ['docs'],
  quote: ['quotes'],
  position: ['positions'],
  start: ['starts'],
  end: ['ends'],
  citation: ['docs', 'positions', 'starts', 'ends'],
};

/**
 * The stored lists an evidence field reads (the item's evidence or, for a Figure's context, its context lists): all of
 * them, or only those the selected Evidence fields need, since the lists are most of a large answer's bytes.
 */
export function evidenceReads(names: Record<keyof typeof EVIDENCE_PROPERTIES, string> = EVIDENCE_PROPERTIES, selected?: Iterable<string>): string[] {
  if (!selected) return Object.values(names);
  const lists = new Set<keyof typeof EVIDENCE_PROPERTIES>();
  for (const field of selected) for (const list of EVIDENCE_FIELD_LISTS[field] ?? []) lists.add(list);
  // The items are counted by the documents' or the quotes' list (see evidence), so one of them is always read.
  if (!lists.has('quotes')) lists.add('docs');
  return [...lists].map((list) => names[list]);
}

const NO_VALUES: readonly unknown[] = [];

/** Pairs the parallel evidence lists of a node or relationship into items (a plain loop: it runs for every fact of large answers). */
export function evidence(props: Record<string, unknown>, names: Record<keyof typeof EVIDENCE_PROPERTIES, string> = EVIDENCE_PROPERTIES): EvidenceItem[] {
  const docs = (props[names.docs] as string[] | undefined) ?? (NO_VALUES as string[]);
  const quotes = (props[names.quotes] as string[] | undefined) ?? (NO_VALUES as string[]);
  const positions = (props[names.positions] as EvidencePosition[] | undefined) ?? (NO_VALUES as EvidencePosition[]);
  const starts = (props[names.starts] as number[] | undefined) ?? (NO_VALUES as number[]);
  const ends = (props[names.ends] as number[] | undefined) ?? (NO_VALUES as number[]);
  const count = Math.max(docs.length, quotes.length);
  const items: EvidenceItem[] = new Array(count);
  for (let i = 0; i < count; i++) {
    items[i] = { documentId: docs[i] ?? '', quote: quotes[i] ?? '', position: positions[i] ?? null, start: starts[i] ?? null, end: ends[i] ?? null };
  }
  return items;
}

/** An Entity field answered by code rather than read from the property of its own name. */
export interface ComputedField {
  /** The stored properties its resolver reads, fetched when the field is selected. */
  reads: readonly string[];
  /** For an evidence field: the lists it reads, so that only those the selected Evidence fields need are fetched. */
  evidenceLists?: Record<keyof typeof EVIDENCE_PROPERTIES, string>;
  resolve: (parent: EntityRecord, args: unknown, ctx: ApiContext) => unknown;
  /** The types that have the field; all Entity types when absent. */
  types?: readonly EntityType[];
}

/** The computed Entity fields; every other scalar field of an Entity type is the stored property of its name. */
export const COMPUTED_ENTITY_FIELDS: Record<string, ComputedField> = {
  type: { reads: [], resolve: (parent) => entityTypeEnum(parent.label) },
  aliases: { reads: ['aliases'], resolve: (parent) => (parent.props.aliases as string[] | undefined) ?? [] },
  inferred: { reads: ['inferred'], resolve: (parent) => parent.props.inferred === true },
  evidence: { reads: evidenceReads(), evidenceLists: EVIDENCE_PROPERTIES, resolve: (parent) => evidence(parent.props) },
  // Quotes that qualify a figure without stating it.
  context: {
    reads: evidenceReads(FIGURE_CONTEXT_PROPERTIES),
    evidenceLists: FIGURE_CONTEXT_PROPERTIES,
    resolve: (parent) => evidence(parent.props, FIGURE_CONTEXT_PROPERTIES),
    types: ['Figure'],
  },
  citation: {
    reads: ['title', 'publisher', 'published', 'url', 'retrieved', 'file'],
    resolve: (parent) => formatCitation(parent.props as unknown as CitableDocument),
    types: ['Document'],
  },
  // The entity's `kind` property, for the types that have one.
  category: {
    reads: ['kind'],
    resolve: (parent) => parent.props.kind ?? null,
    types: ['Organization', 'Place', 'Event', 'Programme', 'Goal', 'Theme', 'Document'],
  },
  // Competing claims: the values other sources give, each with its quote, and the curated value they contradict.
  claims: {
    reads: [...Object.values(CLAIM_PROPERTIES), ...new Set(Object.values(CLAIMABLE_PROPERTIES).flat())],
    resolve: (parent) => {
      const properties = (parent.props[CLAIM_PROPERTIES.properties] as string[] | undefined) ?? [];
      const values = (parent.props[CLAIM_PROPERTIES.values] as string[] | undefined) ?? [];
      const quotes = evidence(parent.props, CLAIM_PROPERTIES);
      return properties.map((property, i) => {
        const curated = parent.props[property];
        return { property, value: values[i] ?? '', curatedValue: curated === undefined || curated === null ? null : String(curated), evidence: quotes[i] };
      });
    },
  },
  // A document's full text, loaded on its own so that no other query carries it along.
  text: { reads: [], resolve: (parent, _args, ctx) => ctx.loaders.documentText.load(parent.props.id), types: ['Document'] },
};
