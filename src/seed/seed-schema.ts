import { z } from 'zod';
import type { DocumentMetadataKey } from '../model/document';
import { ENTITY_KINDS } from '../model/entity-types';
import { RELATIONSHIP_TYPE_NAMES } from '../model/relationship-types';
import { partialDateProblem } from '../model/partial-date';

/** Ids are `<prefix>:<slug>` so that a reader can tell what an id names at a glance. */
export const idSchema = z
  .string()
  .regex(/^[a-z][a-z0-9]*:[a-z0-9][a-z0-9-]*$/, { message: 'must look like "prefix:lower-case-slug", e.g. "org:unesco"' });

export const partialDateSchema = z.string().superRefine((value, ctx) => {
  const problem = partialDateProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

export const evidenceSchema = z
  .object({
    doc: idSchema.describe('id of the source document'),
    quote: z.string().min(3, { message: 'must be a verbatim quote of at least 3 characters' }),
  })
  .strict();

/** Why a fact is inferred rather than stated; absent for stated facts. */
const inferredSchema = z.string().min(10, { message: 'must explain the inference in a sentence' }).optional();

const base = {
  id: idSchema,
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  description: z.string().min(1).optional(),
  evidence: z.array(evidenceSchema).min(1, { message: 'every entity needs at least one piece of evidence' }),
  inferred: inferredSchema,
};

const kind = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values);

export const entitySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Organization'), kind: kind(ENTITY_KINDS.Organization), acronym: z.string().optional(), ...base }).strict(),
  z.object({ type: z.literal('Person'), honorific: z.string().optional(), ...base }).strict(),
  z.object({ type: z.literal('Country'), iso2: z.string().regex(/^[A-Z]{2}$/).optional(), ...base }).strict(),
  z.object({ type: z.literal('RegionalBloc'), ...base }).strict(),
  z.object({ type: z.literal('Place'), kind: kind(ENTITY_KINDS.Place), ...base }).strict(),
  z.object({ type: z.literal('EventSeries'), frequency: z.string().optional(), ...base }).strict(),
  z
    .object({
      type: z.literal('Event'),
      kind: kind(ENTITY_KINDS.Event),
      startDate: partialDateSchema.optional(),
      endDate: partialDateSchema.optional(),
      ...base,
    })
    .strict(),
  z.object({ type: z.literal('Initiative'), status: z.string().optional(), ...base }).strict(),
  z.object({ type: z.literal('Programme'), kind: kind(ENTITY_KINDS.Programme), ...base }).strict(),
  z
    .object({
      type: z.literal('Goal'),
      kind: kind(ENTITY_KINDS.Goal),
      order: z.number().int().positive().optional(),
      deadline: partialDateSchema.optional(),
      ...base,
    })
    .strict(),
  z
    .object({
      type: z.literal('Theme'),
      kind: kind(ENTITY_KINDS.Theme),
      rank: z.number().int().positive().optional(),
      measure: z.string().optional(),
      question: z.string().optional(),
      solution: z.string().optional(),
      ...base,
    })
    .strict(),
]);

export type SeedEntity = z.infer<typeof entitySchema>;


// Every property the model says a document stores, and no other (a compile error when the two drift apart).
const documentMetadata = {
  id: idSchema,
  file: z.string().regex(/^[\w.-]+\.txt$/, { message: 'must be a .txt file name inside seed/corpus/' }),
  title: z.string().min(1),
  name: z.string().min(1),
  kind: z.string().min(1),
  published: partialDateSchema,
  section: z.string().optional(),
  dataPeriodFrom: partialDateSchema.optional(),
  dataPeriodTo: partialDateSchema.optional(),
  attribution: z.string().min(1),
} satisfies Record<DocumentMetadataKey, z.ZodType>;

export const documentSchema = z.object({ ...documentMetadata, evidence: z.array(evidenceSchema).min(1) }).strict();

export type SeedDocument = z.infer<typeof documentSchema>;


export const furnitureSchema = z
  .object({
    doc: idSchema,
    kind: z.enum(['site header', 'share button', 'photo caption', 'navigation', 'related link', 'test string', 'footer']),
    text: z.string().min(1),
    /** When given, the span runs from `text` to the end of the next occurrence of `until`. */
    until: z.string().min(1).optional(),
  })
  .strict();

export type SeedFurniture = z.infer<typeof furnitureSchema>;


const propertyValue = z.union([z.string().min(1), z.number(), z.boolean(), z.array(z.string().min(1))]);

export const relationshipSchema = z
  .object({
    type: z.enum(RELATIONSHIP_TYPE_NAMES as [string, ...string[]]),
    from: idSchema,
    to: idSchema,
    /** Tells apart two relationships of one type between the same ends. */
    key: z.string().regex(/^[a-z0-9-]+$/).optional(),
    properties: z.record(z.string(), propertyValue).default({}),
    validFrom: partialDateSchema.optional(),
    validTo: partialDateSchema.optional(),
    evidence: z.array(evidenceSchema).min(1, { message: 'every relationship needs at least one piece of evidence' }),
    inferred: inferredSchema,
  })
  .strict();

export type SeedRelationship = z.infer<typeof relationshipSchema>;


export const figureSchema = z
  .object({
    id: idSchema,
    subject: idSchema.describe('id of the entity the figure describes'),
    metric: z.string().min(1),
    value: z.number(),
    unit: z.string().min(1),
    qualifier: z.enum(['exact', 'at least', 'at most', 'more than', 'less than', 'approximately']).default('exact'),
    statedAs: z.string().min(1).describe('the figure as written in the source'),
    status: z.enum(['reported', 'target', 'estimate', 'plan']).default('reported'),
    date: partialDateSchema.optional(),
    periodFrom: partialDateSchema.optional(),
    periodTo: partialDateSchema.optional(),
    evidence: z.array(evidenceSchema).min(1),
    inferred: inferredSchema,
  })
  .strict();

export type SeedFigure = z.infer<typeof figureSchema>;

