import { NameIndex } from '../model/entity-resolution';
import type { EntityType } from '../model/entity-types';
import { CLAIMABLE_PROPERTIES, DATE_PROPERTIES } from '../model/claims';
import { earliestDay, latestDay, partialDateProblem } from '../model/partial-date';
import { isRelationshipType, relationshipDefinition, type RelationshipDefinition } from '../model/relationship-types';
import { CorpusDocument, normalizeWhitespace } from './corpus';
import type { Located, SeedData } from './read-seed';
import type { SeedProblem } from './seed-problem';
import type { SeedClaim, SeedDocument, SeedEntity, SeedEvidence, SeedFigure, SeedRelationship } from './seed-schema';

/** Seed data that passed every check, indexed for building the graph. */
export interface ValidatedSeed {
  documents: SeedDocument[];
  entities: SeedEntity[];
  relationships: SeedRelationship[];
  figures: SeedFigure[];
  claims: SeedClaim[];
  corpus: Map<string, CorpusDocument>;
  names: NameIndex;
  /** The type of every id: entity types, plus Document and Figure. */
  types: Map<string, EntityType>;
}

/** The key that identifies a seed relationship across loads. */
export function relationshipKey(rel: Pick<SeedRelationship, 'type' | 'from' | 'to' | 'key'>): string {
  return [rel.type, rel.from, rel.to, rel.key ?? ''].join('|');
}

type At = (item: Located<unknown>, path: string, message: string) => void;

/** What every check family reads and reports to. */
interface Checking {
  data: SeedData;
  at: At;
  /** The type of every id claimed so far. */
  types: Map<string, EntityType>;
  /** The documents whose text was found, by id. */
  corpus: Map<string, CorpusDocument>;
  /** Whether `id` names an item that failed its own checks; such references are counted, not reported again. */
  brokenRoot(id: string): boolean;
}

/** Ids are one namespace across documents, entities and figures: the type of each, duplicates reported. */
function claimIds(data: SeedData, at: At): Map<string, EntityType> {
  const types = new Map<string, EntityType>();
  const firstSeen = new Map<string, Located<unknown>>();
  const claimId = (item: Located<{ id: string }>, type: EntityType) => {
    const earlier = firstSeen.get(item.value.id);
    if (earlier) {
      at(item, 'id', `duplicate id "${item.value.id}" (first defined in ${earlier.file} [${earlier.index}])`);
      return;
    }
    firstSeen.set(item.value.id, item);
    types.set(item.value.id, type);
  };
  data.documents.forEach((item) => claimId(item, 'Document'));
  data.entities.forEach((item) => claimId(item, item.value.type));
  data.figures.forEach((item) => claimId(item, 'Figure'));
  return types;
}

/** Documents and their texts: each document's file exists, its data period is in order, its layout lines are in it. */
function readDocuments({ data, at, corpus, brokenRoot }: Checking): void {
  for (const item of data.documents) {
    const text = data.corpus.get(item.value.file);
    if (text === undefined) {
      at(item, 'file', `no such file in seed/corpus/: ${item.value.file}`);
      continue;
    }
    corpus.set(item.value.id, new CorpusDocument(item.value.id, text));
    checkOrder(item, 'dataPeriodTo', item.value.dataPeriodFrom, item.value.dataPeriodTo, at);
  }
  for (const item of data.layout) {
    const doc = corpus.get(item.value.doc);
    if (!doc) {
      if (!brokenRoot(item.value.doc)) at(item, 'doc', `unknown document "${item.value.doc}"`);
    } else {
      const problem = doc.addLayout(item.value);
      if (problem) at(item, 'text', problem);
    }
  }
}

/** Each quote of `list` is found in its document (at the occurrence given). */
function checkQuotes({ at, corpus, brokenRoot }: Checking, item: Located<unknown>, field: string, list: SeedEvidence[]): void {
  list.forEach((evidence, i) => {
    const doc = corpus.get(evidence.doc);
    if (!doc) {
      if (!brokenRoot(evidence.doc)) at(item, `${field}[${i}].doc`, `unknown document "${evidence.doc}"`);
      return;
    }
    const problem = doc.quoteProblem(evidence.quote, evidence.occurrence);
    if (problem) at(item, `${field}[${i}].${problem.startsWith('"occurrence"') ? 'occurrence' : 'quote'}`, problem);
  });
}

/** The evidence of documents, entities, relationships and figures, in that order. */
function checkEvidence(checking: Checking): void {
  const { data } = checking;
  const check = (item: Located<{ evidence: SeedEvidence[] }>) => checkQuotes(checking, item, 'evidence', item.value.evidence);
  data.documents.forEach(check);
  data.entities.forEach(check);
  data.relationships.forEach(check);
  data.figures.forEach(check);
}

/** Entity resolution: every spelling belongs to exactly one entity; an event ends after it starts. */
function indexNames({ data, at }: Checking): NameIndex {
  const names = new NameIndex();
  for (const item of data.entities) {
    for (const [i, spelling] of [item.value.name, ...item.value.aliases].entries()) {
      const owner = names.add(spelling, item.value.id);
      if (owner) {
        at(item, i === 0 ? 'name' : `aliases[${i - 1}]`, `"${spelling}" already names "${owner}"; one spelling must resolve to one entity`);
      }
    }
    if (item.value.type === 'Event') checkOrder(item, 'endDate', item.value.startDate, item.value.endDate, at);
  }
  return names;
}

/** A relationship's ends exist and have the kinds the model allows. */
function checkEnds({ data, at, types }: Checking, item: Located<SeedRelationship>, definition: RelationshipDefinition): void {
  const rel = item.value;
  for (const end of ['from', 'to'] as const) {
    const type = types.get(rel[end]);
    const allowed = end === 'from' ? definition.from : definition.to;
    if (type === undefined) {
      if (!data.invalidIds.has(rel[end])) at(item, end, `"${rel[end]}" is not a known entity id`);
    }
    else if (!allowed.includes(type)) {
      at(item, end, `${rel.type} cannot ${end === 'from' ? 'start at' : 'end at'} a ${type} ("${rel[end]}"); allowed: ${allowed.join(', ')}`);
    }
  }
}

/** A relationship's properties are its type's, required ones present, values from the allowed ones, "with" known ids. */
function checkProperties({ data, at, types }: Checking, item: Located<SeedRelationship>, definition: RelationshipDefinition): void {
  const rel = item.value;
  const declared = definition.properties ?? {};
  for (const [name, spec] of Object.entries(declared)) {
    if (spec.required && rel.properties[name] === undefined) at(item, `properties.${name}`, `is required for ${rel.type} (${spec.description})`);
  }
  for (const [name, value] of Object.entries(rel.properties)) {
    const spec = declared[name];
    if (!spec) {
      const known = Object.keys(declared);
      at(item, `properties.${name}`, `is not a property of ${rel.type}${known.length ? ` (known: ${known.join(', ')})` : ''}`);
    } else if (spec.values && !spec.values.includes(String(value))) {
      at(item, `properties.${name}`, `"${String(value)}" is not one of ${spec.values.map((v) => `"${v}"`).join(', ')}`);
    } else if (name === 'with') {
      for (const id of Array.isArray(value) ? value : [String(value)]) {
        if (!types.has(id) && !data.invalidIds.has(id)) at(item, 'properties.with', `"${id}" is not a known entity id`);
      }
    }
  }
}

/** Relationships: listable (not derived), ends and properties as the model says, dates in order, no duplicates. */
function checkRelationships(checking: Checking): void {
  const { data, at } = checking;
  const seenKeys = new Map<string, Located<SeedRelationship>>();
  for (const item of data.relationships) {
    const rel = item.value;
    if (!isRelationshipType(rel.type)) continue; // the schema already reported it
    const definition = relationshipDefinition(rel.type);
    if (definition.derived) {
      at(item, 'type', `${rel.type} is derived by the loader and cannot be listed in seed files`);
      continue;
    }
    checkEnds(checking, item, definition);
    checkProperties(checking, item, definition);
    checkOrder(item, 'validTo', rel.validFrom, rel.validTo, at);
    const key = relationshipKey(rel);
    const earlier = seenKeys.get(key);
    if (earlier) {
      at(item, '', `duplicate relationship ${rel.type} ${rel.from} -> ${rel.to} (also at ${earlier.file} [${earlier.index}]); add a distinct "key" if both are meant`);
    } else seenKeys.set(key, item);
  }
}

/** Figures: context quotes found, each evidence quote states the number, the subject is known, the period in order. */
function checkFigures(checking: Checking): void {
  const { data, at, types } = checking;
  for (const item of data.figures) {
    checkQuotes(checking, item, 'context', item.value.context);
    // A figure's evidence states it: each quote contains the number as the source writes it.
    const stated = statedNumber(item.value.statedAs);
    item.value.evidence.forEach((evidence, i) => {
      if (stated && !normalizeWhitespace(evidence.quote).toLowerCase().includes(stated.toLowerCase())) {
        at(item, `evidence[${i}].quote`, `does not state the figure "${stated}" (from statedAs); move a quote that only qualifies it to "context"`);
      }
    });
    if (!types.has(item.value.subject) && !data.invalidIds.has(item.value.subject)) at(item, 'subject', `"${item.value.subject}" is not a known entity id`);
    checkOrder(item, 'periodTo', item.value.periodFrom, item.value.periodTo, at);
  }
}

/** Competing claims: about a known entity, of a property its kind may have another value for, stated otherwise. */
function checkClaims(checking: Checking): void {
  const { data, at } = checking;
  const entities = new Map(data.entities.map((e) => [e.value.id, e.value]));
  for (const item of data.claims) {
    checkQuotes(checking, item, 'evidence', item.value.evidence);
    const subject = entities.get(item.value.subject);
    if (!subject) {
      if (!data.invalidIds.has(item.value.subject)) at(item, 'subject', `"${item.value.subject}" is not a known entity id`);
      continue;
    }
    const allowed = CLAIMABLE_PROPERTIES[subject.type] ?? [];
    if (!allowed.includes(item.value.property)) {
      at(item, 'property', `${/^[AEIOU]/.test(subject.type) ? 'an' : 'a'} ${subject.type} has no property "${item.value.property}" that a claim may state otherwise${allowed.length ? ` (it may: ${allowed.join(', ')})` : ''}`);
      continue;
    }
    if (DATE_PROPERTIES.has(item.value.property)) {
      const problem = typeof item.value.value === 'string' ? partialDateProblem(item.value.value) : 'must be a date of the form YYYY, YYYY-MM or YYYY-MM-DD';
      if (problem) at(item, 'value', problem);
    }
    if (String((subject as Record<string, unknown>)[item.value.property] ?? '') === String(item.value.value)) {
      at(item, 'value', `is the value ${item.value.subject} already has; add the quote to the entity's evidence instead`);
    }
  }
}

/** One line for the references not reported because what they point at failed its own checks; undefined when none. */
function followOnProblem(followOn: Map<string, number>): SeedProblem | undefined {
  const skipped = [...followOn.values()].reduce((n, count) => n + count, 0);
  if (skipped === 0) return undefined;
  return {
    file: '(follow-on)',
    path: '',
    message: `${skipped} further problem${skipped === 1 ? '' : 's'} not listed: references to ${[...followOn.keys()].map((id) => `"${id}"`).join(', ')}, which failed ${followOn.size === 1 ? 'its own checks' : 'their own checks'} above`,
  };
}

/** Checks what no single file can: references, quotes against documents, duplicates, dates and aliases. */
export function validateSeed(data: SeedData): { seed: ValidatedSeed; problems: SeedProblem[] } {
  const problems: SeedProblem[] = [];
  const at: At = (item, path, message) => problems.push({ file: item.file, path: `[${item.index}]${path ? `.${path}` : ''}`, message });
  const types = claimIds(data, at);
  const corpus = new Map<string, CorpusDocument>();
  // A reference to an item that failed its own checks is not reported again: one root problem, not a hundred.
  const followOn = new Map<string, number>();
  const brokenRoot = (id: string) => {
    const broken = data.invalidIds.has(id) || (types.get(id) === 'Document' && !corpus.has(id));
    if (broken) followOn.set(id, (followOn.get(id) ?? 0) + 1);
    return broken;
  };
  const checking: Checking = { data, at, types, corpus, brokenRoot };
  readDocuments(checking);
  checkEvidence(checking);
  const names = indexNames(checking);
  checkRelationships(checking);
  checkFigures(checking);
  checkClaims(checking);
  const followOnLine = followOnProblem(followOn);
  if (followOnLine) problems.push(followOnLine);

  return {
    seed: {
      documents: data.documents.map((d) => d.value),
      entities: data.entities.map((e) => e.value),
      relationships: data.relationships.map((r) => r.value),
      figures: data.figures.map((f) => f.value),
      claims: data.claims.map((c) => c.value),
      corpus,
      names,
      types,
    },
    problems,
  };
}

const NUMBER_WORDS = /\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|hundred|thousand|million|billion)\b/i;

/** The number in a figure's statedAs as the source writes it ("3,000", "2.5", "four"), or undefined when none. */
export function statedNumber(statedAs: string): string | undefined {
  return /\d[\d,.]*\d|\d/.exec(statedAs)?.[0] ?? NUMBER_WORDS.exec(statedAs)?.[0];
}

/** Reports `to` when it is surely before `from`: its latest possible day before the earliest of `from`. */
function checkOrder(item: Located<unknown>, laterField: string, from: string | undefined, to: string | undefined, at: At): void {
  if (from && to && latestDay(to) < earliestDay(from)) at(item, laterField, `"${to}" is before "${from}"`);
}
