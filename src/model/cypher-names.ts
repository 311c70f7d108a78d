import { isEntityType, type EntityType } from './entity-types';
import { isRelationshipType, type RelationshipType } from './relationship-types';

/**
 * Labels and relationship types are the only names spliced into Cypher, so every statement builder (the API's and the
 * loader's) takes them through these guards: a name outside the model's allow-list throws before any statement is
 * built, whatever the caller's types say.
 */
export function label(name: EntityType | 'Entity'): string {
  if (name !== 'Entity' && !isEntityType(name)) throw new Error(`Not a label of the model: ${String(name)}`);
  return name;
}

/** A relationship type alternative such as `PARTNER_OF|ORGANIZED`, checked against the model. */
export function typeAlternatives(types: readonly RelationshipType[]): string {
  for (const type of types) if (!isRelationshipType(type)) throw new Error(`Not a relationship type of the model: ${String(type)}`);
  return types.join('|');
}

/** A property key spliced into a projection: keys come from the model and the schema, and must be plain names. */
export function propertyKey(key: string): string {
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(key)) throw new Error(`Not a property name: ${key}`);
  return key;
}
