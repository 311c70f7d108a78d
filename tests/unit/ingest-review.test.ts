import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readDraft } from '../../src/ingest/draft-files';
import { IngestError } from '../../src/ingest/ingest-error';
import { proposeDraft, writeDraft } from '../../src/ingest/index';
import { mergeDraft } from '../../src/ingest/merge-draft';
import { reviewDraft, type Prompter } from '../../src/ingest/review-draft';
import { itemTexts } from '../../src/ingest/seed-file-text';
import { prepareSeed } from '../../src/seed/load-seed';
import { PROJECT_ROOT } from '../../src/project-root';

const FIXTURES = path.join(PROJECT_ROOT, 'tests', 'fixtures', 'ingest');
let work: string;
let seedDir: string;
let draftDir: string;

beforeEach(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'ingest-review-'));
  seedDir = path.join(work, 'seed');
  fs.cpSync(path.join(PROJECT_ROOT, 'seed'), seedDir, { recursive: true });
  draftDir = path.join(work, 'drafts', 'item');
  writeDraft(
    await proposeDraft(
      path.join(FIXTURES, 'smart-education-forum.txt'),
      { published: '2024-08-20', publisher: 'Test wire' },
      seedDir,
      path.join(work, 'drafts'),
      draftDir,
    ),
  );
});
afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

/** A prompter that answers from a script and remembers what it was shown. */
function scripted(answers: string[]): Prompter & { shown: string[] } {
  const shown: string[] = [];
  return {
    shown,
    say: (line) => shown.push(line),
    ask: async (question) => {
      shown.push(question);
      return answers.shift() ?? 'q';
    },
  };
}

describe('review', () => {
  it('walks mentions, then proposals with their quote in context; accepts, edits, merges and rejects, saving each decision', async () => {
    const draft = readDraft(draftDir);
    const mentionGroups = new Set(draft.mentions.map((m) => m.entity)).size;
    const entities = draft.proposals.filter((p) => p.item === 'entity');
    const beijing = entities.findIndex((p) => p.id === 'place:beijing');
    const ministry = entities.findIndex((p) => p.id.startsWith('org:ministry-of-education'));
    expect(beijing).toBeGreaterThanOrEqual(0);
    // Every mention group accepted; then, in proposal order, Beijing edited and accepted, the ministry merged into
    // the seed's "my country" ministry, everything else rejected.
    const answers = [...Array(mentionGroups).fill('a')];
    for (const [i] of draft.proposals.entries()) {
      if (i === beijing) answers.push('e kind=city', 'a');
      else if (i === ministry) answers.push('m org:moe-my-country');
      else answers.push('r');
    }
    const prompter = scripted(answers);
    const counts = await reviewDraft(draftDir, prompter);
    expect(counts).toEqual({ accepted: mentionGroups + 1, rejected: draft.proposals.length - 2, merged: 1, open: 0 });
    expect(prompter.shown.join('\n')).toMatch(/\[\[Beijing\]\]/);
    const saved = readDraft(draftDir);
    expect(saved.proposals.find((p) => p.id === 'place:beijing')!.status).toBe('accepted');
    expect(saved.proposals[ministry]!).toMatchObject({ status: 'merged', mergedInto: 'org:moe-my-country' });
    expect(saved.mentions.every((m) => m.status === 'accepted' || !m.entity)).toBe(true);

    const summary = mergeDraft(saved, seedDir);
    expect(summary.entities).toEqual(['place:beijing']);
    expect(summary.aliases).toEqual(['Ministry of Education of China → org:moe-my-country']);
    expect(summary.evidence).toBeGreaterThan(5);
    // The merged seed validates and builds, and the untouched items kept their text byte for byte.
    expect(() => prepareSeed(seedDir)).not.toThrow();
    const before = fs.readFileSync(path.join(PROJECT_ROOT, 'seed', 'relationships.json'), 'utf8');
    expect(fs.readFileSync(path.join(seedDir, 'relationships.json'), 'utf8')).toBe(before);
    // In the entity files, an item is rewritten only if the merge changed it (new evidence or alias); the rest keep their text.
    const original = itemTexts(fs.readFileSync(path.join(PROJECT_ROOT, 'seed', 'entities', 'organizations.json'), 'utf8'));
    const merged = itemTexts(fs.readFileSync(path.join(seedDir, 'entities', 'organizations.json'), 'utf8'));
    const rewritten = original.filter((text) => !merged.includes(text)).map((text) => JSON.parse(text).id as string);
    expect(rewritten.length).toBeGreaterThan(0);
    for (const id of rewritten) {
      const after = JSON.parse(merged.find((text) => JSON.parse(text).id === id)!);
      expect(
        after.evidence.some((e: { doc: string }) => e.doc === 'doc:smart-education-forum-closes-beijing') ||
          after.aliases.includes('Ministry of Education of China'),
      ).toBe(true);
    }
    expect(merged.length - original.length).toBe(0);
    // A second merge of the same draft is refused.
    expect(() => mergeDraft(readDraft(draftDir), seedDir)).toThrow(/already holds doc:smart-education-forum-closes-beijing; this draft was merged before/);
  });

  it('accepts above a confidence without asking, and merges nothing when nothing was accepted', async () => {
    await expect(reviewDraft(draftDir, scripted([]), { acceptAbove: 1 })).resolves.toMatchObject({ accepted: 0 });
    expect(() => mergeDraft(readDraft(draftDir), seedDir)).toThrow(/review accepted nothing/);
    const counts = await reviewDraft(draftDir, scripted([]), { acceptAbove: 0.7 });
    expect(counts.accepted).toBeGreaterThan(3);
    expect(
      readDraft(draftDir)
        .proposals.filter((p) => p.status === 'accepted')
        .every((p) => p.confidence >= 0.7),
    ).toBe(true);
  });

  it('refuses an edit that would break the draft, and undoes it', async () => {
    const draft = readDraft(draftDir);
    const mentionGroups = new Set(draft.mentions.map((m) => m.entity)).size;
    const prompter = scripted([...Array(mentionGroups).fill('s'), 'e type=Planet', 'q']);
    await reviewDraft(draftDir, prompter);
    expect(prompter.shown.join('\n')).toMatch(/Not changed: [\s\S]*entities[\\/]proposed\.json at \[0\]\.type/);
    expect(readDraft(draftDir).seed.entities[0]!.value.type).not.toBe('Planet');
  });

  it('refuses a draft edited by hand into an invalid state, naming the file and the place', () => {
    fs.writeFileSync(path.join(draftDir, 'proposals.json'), '[{"item": "entity", "id": "place:nowhere", "status": "maybe", "confidence": 2, "reason": ""}]');
    expect(() => readDraft(draftDir)).toThrow(IngestError);
    expect(() => readDraft(draftDir)).toThrow(/proposals\.json at 0\.status: /);
    fs.writeFileSync(
      path.join(draftDir, 'proposals.json'),
      '[{"item": "entity", "id": "place:nowhere", "status": "accepted", "confidence": 0.5, "reason": ""}]',
    );
    expect(() => readDraft(draftDir)).toThrow(/proposals\.json at 0: the entity "place:nowhere" is not in the draft's seed files/);
    fs.writeFileSync(path.join(draftDir, 'figures.json'), '[{"id": "figure:x"}]');
    expect(() => readDraft(draftDir)).toThrow(/does not read as seed data:\n.*figures\.json at \[0\]/);
    fs.writeFileSync(path.join(draftDir, 'figures.json'), '[]');
    fs.writeFileSync(path.join(draftDir, 'mentions.json'), '{ not json');
    expect(() => readDraft(draftDir)).toThrow(/mentions\.json is not valid JSON/);
  });
});
