import { z } from 'zod';
import type { DocumentMetadataKey } from '../model/document';
import { ENTITY_KINDS } from '../model/entity-types';
import { EVIDENCE_POSITIONS, FURNITURE_KINDS, type EvidencePosition, type FurnitureKind } from '../model/evidence';
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
    /** Which occurrence (1-based, in text order) a quote that occurs more than once in its document means. */
    occurrence: z.number().int().positive().optional(),
  })
  .strict();

export type SeedEvidence = z.infer<typeof evidenceSchema>;

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
  publisher: z.string().min(1),
  url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  retrieved: partialDateSchema.describe('when the copy kept in seed/corpus/ was taken'),
  language: z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, { message: 'must be a language tag such as "en" or "zh-CN"' }),
  terms: z.string().min(1).describe('the terms under which the copy is kept'),
} satisfies Record<DocumentMetadataKey, z.ZodType>;

export const documentSchema = z.object({ ...documentMetadata, evidence: z.array(evidenceSchema).min(1) }).strict();

export type SeedDocument = z.infer<typeof documentSchema>;


/** A marked region of a document: page furniture (refused as evidence), or a region that gives quotes their position. */
export const layoutSchema = z
  .object({
    doc: idSchema,
    kind: z.enum([...FURNITURE_KINDS, ...EVIDENCE_POSITIONS.filter((p) => p !== 'body')] as [string, ...string[]]),
    text: z.string().min(1),
    /** When given, the region runs from `text` to the end of the next occurrence of `until`. */
    until: z.string().min(1).optional(),
    /** Which occurrence of `text` (1-based) starts the region, when the text occurs more than once. */
    occurrence: z.number().int().positive().optional(),
  })
  .strict();

export type SeedLayout = Omit<z.infer<typeof layoutSchema>, 'kind'> & { kind: FurnitureKind | EvidencePosition };


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
    /** Quotes that state the figure: each contains it as written (for a table cell, the row that holds it). */
    evidence: z.array(evidenceSchema).min(1),
    /** Quotes that qualify it without stating it: a table's header with the unit, the article's note on its period. */
    context: z.array(evidenceSchema).default([]),
    inferred: inferredSchema,
  })
  .strict();

export type SeedFigure = z.infer<typeof figureSchema>;



/** A value another source gives for an entity's property, kept beside the curated one as a competing claim. */
export const claimSchema = z
  .object({
    subject: idSchema.describe('id of the entity the claim is about'),
    property: z.string().min(1),
    value: z.union([z.string().min(1), z.number()]),
    evidence: z.array(evidenceSchema).min(1, { message: 'a claim needs the quote that states it' }),
  })
  .strict();

export type SeedClaim = z.infer<typeof claimSchema>;
