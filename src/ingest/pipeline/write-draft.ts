import fs from 'node:fs';
import path from 'node:path';
import { readSeed } from '../../seed/read-seed';
import { IngestError } from '../ingest-error';
import type { Draft } from './propose';

/** Today's date, as draft.json records when the draft was made. */
const today = () => new Date().toISOString().slice(0, 10);

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/**
 * Writes a draft folder (documents.json, corpus/, layout.json, entities/, relationships.json, figures.json, and the
 * draft's own mentions.json and draft.json) into a staging folder, checks it reads back as seed data, then moves it
 * into place; an existing folder is refused, and on any problem nothing is left behind.
 */
export function writeDraft(draft: Draft): void {
  if (fs.existsSync(draft.dir)) throw new IngestError(`${draft.dir} already exists.`, 'Choose another folder with --out, or remove that draft first.');
  fs.mkdirSync(path.dirname(draft.dir), { recursive: true });
  const staging = fs.mkdtempSync(`${draft.dir}.staging-`);
  try {
    fs.mkdirSync(path.join(staging, 'corpus'));
    fs.mkdirSync(path.join(staging, 'entities'));
    fs.writeFileSync(path.join(staging, 'corpus', draft.document.file), `${draft.text}\n`);
    fs.writeFileSync(path.join(staging, 'documents.json'), json([draft.document]));
    fs.writeFileSync(path.join(staging, 'layout.json'), json(draft.layout));
    fs.writeFileSync(path.join(staging, 'entities', 'proposed.json'), json(draft.entities.map((c) => c.entity)));
    fs.writeFileSync(path.join(staging, 'relationships.json'), json(draft.relationships.map((c) => c.relationship)));
    fs.writeFileSync(path.join(staging, 'figures.json'), json(draft.figures.map((c) => c.figure)));
    fs.writeFileSync(path.join(staging, 'claims.json'), json(draft.claims.map((c) => c.claim)));
    fs.writeFileSync(path.join(staging, 'mentions.json'), json(draft.mentions));
    // The seed files hold seed data only; how sure the ingester is, and what review decided, lives beside them.
    fs.writeFileSync(
      path.join(staging, 'proposals.json'),
      json([
        ...draft.entities.map((c) => ({ item: 'entity', id: c.entity.id, status: 'proposed', confidence: c.confidence, reason: c.reason })),
        ...draft.relationships.map((c) => ({
          item: 'relationship',
          id: `${c.relationship.type}|${c.relationship.from}|${c.relationship.to}`,
          status: 'proposed',
          confidence: Math.round(c.confidence * 100) / 100,
          reason: c.relationship.inferred ? `${c.reason}; ${c.relationship.inferred}` : c.reason,
        })),
        ...draft.claims.map((c) => ({
          item: 'claim',
          id: `${c.claim.subject}|${c.claim.property}|${c.claim.value}`,
          status: 'proposed',
          confidence: c.confidence,
          reason: c.reason,
        })),
        ...draft.figures.map((c) => ({
          item: 'figure',
          id: c.figure.id,
          status: 'proposed',
          confidence: c.confidence,
          reason: `"${c.figure.statedAs}" in its sentence`,
        })),
      ]),
    );
    fs.writeFileSync(
      path.join(staging, 'draft.json'),
      json({
        document: draft.document.id,
        contentHash: draft.contentHash,
        source: draft.source,
        ...(draft.extractedWith ? { extractedWith: draft.extractedWith } : {}),
        ingested: today(),
        status: 'proposed',
      }),
    );
    const { problems } = readSeed(staging);
    if (problems.length > 0) {
      throw new IngestError(
        `The draft for ${path.basename(draft.source.file)} does not read back as seed data:\n${problems.map((p) => `  ${p.file} ${p.path} ${p.message}`).join('\n')}`,
        'Please report this file; nothing was written.',
      );
    }
    fs.renameSync(staging, draft.dir);
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}
