import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readDraft, saveDecisions, type DraftFolder } from '../../../src/ingest/draft-files';
import { ingestCorpus } from '../../../src/ingest/pipeline/corpus';
import { mergeDraft } from '../../../src/ingest/merge-draft';
import { PROJECT_ROOT } from '../../../src/project-root';

// One actor across many documents: an organization the graph does not know, named in three documents of a corpus
// (by its full name with its acronym, by the acronym, in the possessive), is proposed once, by the first draft, and
// the other drafts link their mentions to that proposal, so that merging the drafts in order gives one entity with
// the evidence of every document.
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-actors-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const ARTICLES: Record<string, string> = {
  'a-launch.txt':
    'Reading coaches for rural schools\n\nThe Sahel Literacy Alliance (SLA) launched a programme of reading coaches for rural schools in Niger on Monday. Coaches will visit each school twice a month.',
  'b-results.txt':
    'First results of the reading coaches\n\nAfter one year, pupils taught with coaches read faster, the SLA said in a note. The programme now covers 200 schools.',
  'c-funding.txt':
    "New funding for reading coaches\n\nThe SLA's donors pledged funds for a second phase, which will add schools in Mali. The alliance will train 300 more coaches.",
};

describe('ingest of a corpus, one actor across documents', () => {
  it('proposes a new actor once and links its mentions in the later drafts to that proposal', async () => {
    const corpus = path.join(work, 'corpus');
    fs.mkdirSync(corpus, { recursive: true });
    for (const [name, text] of Object.entries(ARTICLES)) fs.writeFileSync(path.join(corpus, name), text);
    const seedDir = path.join(work, 'seed');
    fs.cpSync(path.join(PROJECT_ROOT, 'seed'), seedDir, { recursive: true });
    const report = await ingestCorpus([corpus], { published: '2025-02-01', publisher: 'Test wire' }, { seedDir, draftsDir: path.join(work, 'drafts') });
    expect(report.drafted).toBe(3);

    const drafts = report.outcomes.filter((o) => o.status === 'drafted').map((o) => readDraft(o.draft!));
    const proposedBy = drafts.map((d) => d.seed.entities.map((e) => e.value.name).filter((n) => /Sahel|SLA/.test(n)));
    expect(proposedBy).toEqual([['Sahel Literacy Alliance'], [], []]);
    const id = drafts[0]!.seed.entities.find((e) => e.value.name === 'Sahel Literacy Alliance')!.value.id;
    for (const later of drafts.slice(1)) expect(later.mentions.filter((m) => m.entity === id).map((m) => m.surface)).toEqual(['SLA']);

    // Merged in order, the one entity carries evidence from every document.
    for (const draft of drafts) {
      for (const m of draft.mentions) m.status = 'accepted';
      for (const p of draft.proposals) p.status = 'accepted';
      const summary = mergeDraft(readDraftAgain(draft), seedDir);
      expect(summary.skipped.filter((line) => line.includes(id))).toEqual([]);
    }
    const merged = fs
      .readdirSync(path.join(seedDir, 'entities'))
      .flatMap((name) => JSON.parse(fs.readFileSync(path.join(seedDir, 'entities', name), 'utf8')) as { id: string; evidence: { doc: string }[] }[]);
    const alliance = merged.find((e) => e.id === id)!;
    expect(new Set(alliance.evidence.map((e) => e.doc)).size).toBe(3);
  });
});

/** The draft as review leaves it: its decisions saved, then read back. */
function readDraftAgain(draft: DraftFolder): DraftFolder {
  saveDecisions(draft);
  return readDraft(draft.dir);
}
