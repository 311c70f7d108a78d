import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { readSeed, type SeedData } from '../seed/read-seed';
import { idSchema } from '../seed/seed-schema';
import { IngestError } from './ingest-error';

/** What review decided about a proposal: still open, accepted, rejected, or (an entity) merged into a known one. */
export const proposalSchema = z
  .object({
    item: z.enum(['entity', 'relationship', 'figure', 'claim', 'mention']),
    id: z.string().min(1),
    status: z.enum(['proposed', 'accepted', 'rejected', 'merged']),
    confidence: z.number().min(0).max(1),
    reason: z.string(),
    mergedInto: idSchema.optional(),
  })
  .strict()
  .refine((p) => (p.status === 'merged') === (p.mergedInto !== undefined), { message: 'a merged proposal names mergedInto, and only a merged one' });

export type Proposal = z.infer<typeof proposalSchema>;

const mentionSchema = z
  .object({
    entity: idSchema.nullable(),
    candidates: z.array(idSchema).optional(),
    surface: z.string(),
    spelling: z.string(),
    match: z.enum(['exact', 'folded', 'typo']),
    confidence: z.number(),
    start: z.number().int().nonnegative(),
    end: z.number().int().positive(),
    quote: z.string().min(1),
    quoteStart: z.number().int().nonnegative(),
    status: z.enum(['proposed', 'accepted', 'rejected']),
  })
  .strict();

export type DraftMention = z.infer<typeof mentionSchema>;

const markerSchema = z
  .object({
    document: idSchema,
    contentHash: z.string().regex(/^[0-9a-f]{64}$/),
    source: z.object({ file: z.string(), format: z.string() }).strict(),
    // Whether CoreNLP or the rule pipeline alone read it; drafts made before it was recorded lack it.
    extractedWith: z
      .object({ extractor: z.enum(['corenlp', 'hanlp', 'rules']), parser: z.string().optional() })
      .strict()
      .optional(),
    ingested: z.string(),
    status: z.enum(['proposed', 'reviewed', 'merged']),
  })
  .strict();

/** A draft folder as review and merge read it: seed data, the proposals' status, the mentions, the marker. */
export interface DraftFolder {
  dir: string;
  seed: SeedData;
  proposals: Proposal[];
  mentions: DraftMention[];
  marker: z.infer<typeof markerSchema>;
}

function readJson<S extends z.ZodType>(dir: string, name: string, schema: S): z.infer<S> {
  const file = path.join(dir, name);
  const shown = path.relative(process.cwd(), file) || file;
  if (!fs.existsSync(file)) throw new IngestError(`${shown} is missing: ${path.relative(process.cwd(), dir) || dir} is not a draft written by ingest.`);
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new IngestError(`${shown} is not valid JSON: ${(error as Error).message}.`, 'Undo the last edit of the file, or ingest the article again.');
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new IngestError(
      `${shown} at ${issue.path.length ? issue.path.join('.') : 'the top'}: ${issue.message}.`,
      'Undo the last edit of the file, or ingest the article again.',
    );
  }
  return parsed.data;
}

/**
 * Reads a draft folder, refusing (with the file and JSON path) one edited into an invalid state: its seed files must
 * pass the seed's schemas, its proposals, mentions and marker theirs, and every proposal must name an item the draft holds.
 */
export function readDraft(dir: string): DraftFolder {
  const shown = path.relative(process.cwd(), dir) || dir;
  if (!fs.existsSync(path.join(dir, 'draft.json')))
    throw new IngestError(`${shown} is not a draft: it has no draft.json.`, 'Give the folder that `ingest` wrote.');
  const marker = readJson(dir, 'draft.json', markerSchema);
  const { data, problems } = readSeed(dir, dir);
  if (problems.length > 0) {
    throw new IngestError(
      `${shown} does not read as seed data:\n${problems.map((p) => `  ${p.file}${p.path ? ` at ${p.path}` : ''}: ${p.message}`).join('\n')}`,
      'Undo the last edit, or ingest the article again.',
    );
  }
  const proposals = readJson(dir, 'proposals.json', z.array(proposalSchema));
  const mentions = readJson(dir, 'mentions.json', z.array(mentionSchema));
  const held = new Set([
    ...data.entities.map((e) => `entity|${e.value.id}`),
    ...data.relationships.map((r) => `relationship|${r.value.type}|${r.value.from}|${r.value.to}`),
    ...data.figures.map((f) => `figure|${f.value.id}`),
    ...data.claims.map((c) => `claim|${c.value.subject}|${c.value.property}|${c.value.value}`),
  ]);
  proposals.forEach((p, index) => {
    if (!held.has(`${p.item}|${p.id}`)) {
      throw new IngestError(
        `${path.join(shown, 'proposals.json')} at ${index}: the ${p.item} "${p.id}" is not in the draft's seed files.`,
        'Undo the last edit of the file.',
      );
    }
  });
  return { dir, seed: data, proposals, mentions, marker };
}

/** Writes review's decisions back into the draft (proposals.json, mentions.json), each file replaced whole. */
export function saveDecisions(draft: DraftFolder): void {
  for (const [name, value] of [
    ['proposals.json', draft.proposals],
    ['mentions.json', draft.mentions],
  ] as const) {
    const file = path.join(draft.dir, name);
    fs.writeFileSync(`${file}.tmp`, `${JSON.stringify(value, null, 2)}\n`);
    fs.renameSync(`${file}.tmp`, file);
  }
}
