import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ENTITY_TYPES } from '../../model/entity-types';
import { RELATIONSHIP_TYPES, type RelationshipType } from '../../model/relationship-types';
import { PROJECT_ROOT } from '../../project-root';
import { IngestError } from '../ingest-error';

/**
 * One step of a path through a dependency graph: `>dep` follows an edge down to a dependent, `<dep` up to the
 * governor; a dep ending in `*` matches any with that prefix (`obl:*`); `a|b` matches either. A bare `dep` is `>dep`.
 */
const step = z.string().regex(/^[<>]?[a-z]+(:[a-z_]+)?\*?(\|[a-z]+(:[a-z_]+)?\*?)*$/, {
  message: 'must be dependency labels, with < (up) or > (down), alternatives joined by |, e.g. "nsubj", "<appos", "obl:*", "obl:agent|nmod:by"',
});
/** An argument: paths from the trigger tried in order, or `@document-event` (the event the document is about). */
const argument = z.array(z.union([z.array(step).min(1), z.literal('@document-event'), z.literal('@trigger')])).min(1);
const value = z.union([z.string(), z.object({ byLemma: z.record(z.string(), z.string()), otherwise: z.string().optional() }).strict(), z.literal('$title')]);
/** A sentence the rule must read: the names in it with their kinds, and the (from, to) pairs expected ([] for none). */
const example = z.object({ text: z.string().min(1), entities: z.record(z.string(), z.string()), expect: z.array(z.tuple([z.string(), z.string()])) }).strict();

export const ruleSchema = z
  .object({
    type: z.string(),
    description: z.string().min(1),
    /** The words that state the fact: lemmas (lower case), or named-entity tags of CoreNLP (TITLE). */
    trigger: z
      .object({
        lemmas: z.array(z.string().min(1)).optional(),
        ner: z.array(z.string()).optional(),
        /** The head word of a name of these kinds (the model's entity types). */
        kinds: z.array(z.string()).optional(),
        pos: z.string().optional(),
        /** Only in a sentence with no verb: a dateline, a programme's header ("Beijing, China · 16-18 May 2019"). */
        verbless: z.boolean().optional(),
        /** Only in the document's first sentences (its header), counted from 1. */
        withinFirstSentences: z.number().int().positive().optional(),
      })
      .strict(),
    /** Paths from the trigger that must each reach some word, named or not ("said ... at the opening plenary"). */
    requires: z.array(z.array(step).min(1)).optional(),
    /** A relationship with no direction (PARTNER_OF): each pair is proposed once, its ends in the order of the text. */
    symmetric: z.boolean().optional(),
    from: argument,
    to: argument,
    properties: z.record(z.string(), value).default({}),
    confidence: z.number().min(0).max(1),
    /** Sentences the rule must read, with the (from, to) pairs it must find, as the names are written; [] = none. */
    examples: z.array(example).min(2),
  })
  .strict();

export type DependencyRule = z.infer<typeof ruleSchema> & { type: RelationshipType; name: string; file: string };

/** The folder of relationship rules: one JSON file per rule, named for what it reads (data, so read from the sources). */
export const RULES_DIR = path.join(PROJECT_ROOT, 'src', 'ingest', 'rules', 'relationships');

/** Problems a rule has against the model: an unknown or derived type, a property the type does not carry or allow. */
export function ruleProblems(rule: z.infer<typeof ruleSchema>): string[] {
  const definition = (RELATIONSHIP_TYPES as Record<string, (typeof RELATIONSHIP_TYPES)[RelationshipType]>)[rule.type];
  if (!definition) return [`type: "${rule.type}" is not a relationship type of the model (src/model/relationship-types.ts)`];
  if ('derived' in definition && definition.derived) return [`type: ${rule.type} is written by the loader, not proposed from text`];
  const problems: string[] = [];
  for (const kind of rule.trigger.kinds ?? [])
    if (!(ENTITY_TYPES as readonly string[]).includes(kind)) problems.push(`trigger.kinds: "${kind}" is not an entity type of the model`);
  const declared = ('properties' in definition ? definition.properties : undefined) ?? {};
  for (const [key, v] of Object.entries(rule.properties)) {
    const property = (declared as Record<string, { values?: readonly string[] }>)[key];
    if (!property) problems.push(`properties.${key}: ${rule.type} has no property "${key}"`);
    const values = typeof v === 'string' ? (v === '$title' ? [] : [v]) : [...Object.values(v.byLemma), ...(v.otherwise ? [v.otherwise] : [])];
    for (const one of values)
      if (property?.values && !property.values.includes(one)) problems.push(`properties.${key}: "${one}" is not one of ${property.values.join(', ')}`);
  }
  for (const [key, property] of Object.entries(declared as Record<string, { required?: boolean }>)) {
    if (property.required && !(key in rule.properties)) problems.push(`properties.${key}: ${rule.type} requires it`);
  }
  return problems;
}

/** Reads and checks every rule of a folder; a rule the model would refuse stops ingest with its file and field. */
export function loadRules(dir: string = RULES_DIR): DependencyRule[] {
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const file = path.join(dir, name);
      let raw: unknown;
      try {
        raw = JSON.parse(fs.readFileSync(file, 'utf8'));
      } catch (error) {
        throw new IngestError(`${file}: not valid JSON (${(error as Error).message}).`, 'Fix the rule file.');
      }
      const parsed = ruleSchema.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new IngestError(`${file}: ${issue.path.join('.') || '(the rule)'}: ${issue.message}.`, 'Fix the rule file; see src/ingest/rules/README.md.');
      }
      const problems = ruleProblems(parsed.data);
      if (problems.length > 0) throw new IngestError(`${file}: ${problems.join('; ')}.`, 'Fix the rule file; the model is src/model/relationship-types.ts.');
      return { ...parsed.data, type: parsed.data.type as RelationshipType, name: name.replace(/\.json$/, ''), file };
    });
}
