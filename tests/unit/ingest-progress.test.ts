import path from 'node:path';
import { progressDisplay } from '../../src/cli/progress';
import type { CorpusProgress } from '../../src/ingest/index';

// The corpus run's progress on stderr: a bar redrawn in place on a terminal, plain lines in a log.

const stream = (isTTY: boolean) => {
  const written: string[] = [];
  return { written, stream: { isTTY, columns: 100, write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream };
};

// Files under the working folder are shown by their relative path.
const a = path.join(process.cwd(), 'corpus', 'a.pdf');
const b = path.join(process.cwd(), 'corpus', 'b.pdf');
const steps: CorpusProgress[] = [
  { index: 0, total: 2, file: a, stage: 'start' },
  {
    index: 0,
    total: 2,
    file: a,
    stage: 'done',
    outcome: {
      file: a,
      status: 'drafted',
      document: 'doc:a',
      draft: '/drafts/a',
      proposals: { mentions: 3, entities: 2, relationships: 1, figures: 0, claims: 0 },
      seconds: 1.5,
    },
  },
  { index: 1, total: 2, file: b, stage: 'start' },
  {
    index: 1,
    total: 2,
    file: b,
    stage: 'done',
    outcome: { file: b, status: 'skipped', reason: 'already ingested, as doc:b', seconds: 0.2 },
  },
];

describe('corpus progress', () => {
  it('writes one plain line per document when stderr is not a terminal', () => {
    const { written, stream: out } = stream(false);
    const display = progressDisplay(out);
    steps.forEach(display.update);
    display.end();
    expect(written.join('')).toBe(
      '[1/2] corpus/a.pdf: drafted doc:a (3 mentions, 2 entities, 1 relationships, 0 figures) in 1.5 s\n' +
        '[2/2] corpus/b.pdf: skipped: already ingested, as doc:b\n',
    );
  });

  it('draws a bar under the lines on a terminal, naming the document being read, and clears it at the end', () => {
    const { written, stream: out } = stream(true);
    const display = progressDisplay(out);
    steps.forEach(display.update);
    display.end();
    const all = written.join('');
    expect(all).toContain('[........................] 0/2 reading a.pdf');
    expect(all).toContain('[############............] 1/2 reading b.pdf');
    expect(all).toContain('\r\x1b[K[2/2] corpus/b.pdf: skipped');
    expect(all).toContain('[########################] 2/2');
    expect(all.endsWith('\r\x1b[K')).toBe(true);
  });
});
