import { DOCUMENT_METADATA } from '../../model/document';
import { EVIDENCE_PROPERTIES } from '../../model/evidence';
import { label, propertyKey } from '../../model/cypher-names';
import type { EntityType } from '../../model/entity-types';

// properties() rather than a projection naming every key: the driver decodes a map of mostly-null keys many times
// slower. Documents are the exception, so that their full text (Document.text loads it on demand) is not carried
// along with every query that touches them.
const DOCUMENT_KEYS = [...DOCUMENT_METADATA, ...Object.values(EVIDENCE_PROPERTIES), 'inferred'];

/** `v {.a, .b}`: a map projection of the given (allow-listed) property keys. */
export function propertyMap(variable: string, keys: readonly string[]): string {
  return `${variable} {${keys.map((key) => `.${propertyKey(key)}`).join(', ')}}`;
}

/**
 * A node as `{labels, props}`, matching toEntity's input: all its properties (a Document's without its text), or only
 * `keys` (from plan/keys.ts, allow-listed against the schema). `fixedLabel`, when the pattern and the model
 * fix it, saves reading the node's labels.
 */
export function nodeProjection(n: string, keys: readonly string[] | null = null, fixedLabel: EntityType | null = null): string {
  if (keys) return `{labels: ${fixedLabel ? `['${label(fixedLabel)}']` : `labels(${n})`}, props: ${propertyMap(n, keys)}}`;
  return `{labels: labels(${n}), props: CASE WHEN ${n}:Document THEN ${propertyMap(n, DOCUMENT_KEYS)} ELSE properties(${n}) END}`;
}

/** The expression for a relationship's id: the seed key, or the element id for a relationship the seed did not state. */
export const relationshipId = (r: string) => `coalesce(${r}.seedKey, elementId(${r}))`;

/** A relationship's properties: all of them, or only `keys` (seedKey stands for the id and is not a stored property here). */
function relationshipProps(r: string, keys: readonly string[] | null): string {
  return keys
    ? propertyMap(
        r,
        keys.filter((k) => k !== 'seedKey'),
      )
    : `properties(${r})`;
}

/**
 * A relationship as a map `{type, from, to, id, props}`, matching toRelationship's input: all its properties, or only
 * `keys`; its id comes with all properties or when `keys` has seedKey. `ends` gives expressions for the ends' ids, or
 * null to leave one out when the caller fills it in.
 */
export function relationshipProjection(
  r: string,
  keys: readonly string[] | null = null,
  ends: { from: string | null; to: string | null } = { from: `startNode(${r}).id`, to: `endNode(${r}).id` },
): string {
  const parts = [`type: type(${r})`];
  if (ends.from) parts.push(`from: ${ends.from}`);
  if (ends.to) parts.push(`to: ${ends.to}`);
  if (!keys || keys.includes('seedKey')) parts.push(`id: ${relationshipId(r)}`);
  parts.push(`props: ${relationshipProps(r, keys)}`);
  return `{${parts.join(', ')}}`;
}

/** The stored keys among `keys` (seedKey stands for a relationship's id), in the order propertyValues lists them. */
export const storedKeys = (keys: readonly string[]): string[] => keys.filter((k) => k !== 'seedKey');

/**
 * The values of the given (allow-listed) property keys of `variable` as a list, for large answers: the driver decodes
 * each map key as a string, for every map, and lists carry none (records.ts's propertiesOf pairs them up again). The
 * properties are read as one map projection first: read one by one, each costs a database hit (4.8 times as many for
 * an attendance's seven). `known` gives expressions for keys read already (an end's id and name).
 */
export function propertyValues(variable: string, keys: readonly string[], known: Readonly<Record<string, string>> = {}): string {
  const read = keys.filter((key) => !(key in known));
  if (read.length === 0) return `[${keys.map((key) => known[key]).join(', ')}]`;
  const map = `${variable}_map`;
  const values = keys.map((key) => known[key] ?? `${map}.${propertyKey(key)}`);
  return `[${map} IN [${propertyMap(variable, read)}] | [${values.join(', ')}]][0]`;
}

/**
 * A relationship as three list elements, [type, id or null, properties], for queries that return tuples rather than
 * maps (the driver decodes small lists several times faster than maps): with `keys`, the properties are their values
 * in the order of storedKeys(keys) (propertyValues), else a map of all of them.
 */
export function relationshipParts(r: string, keys: readonly string[] | null): string[] {
  return [`type(${r})`, !keys || keys.includes('seedKey') ? relationshipId(r) : 'null', keys ? propertyValues(r, storedKeys(keys)) : `properties(${r})`];
}
