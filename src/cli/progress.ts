import path from 'node:path';
import type { CorpusProgress } from '../ingest/index';

/** A path as the person typed it, roughly: relative under the working folder, absolute elsewhere. */
const shown = (file: string) => {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') ? relative : file;
};

/** A document's outcome in one line: where its draft went and what it proposes, or why it was skipped or refused. */
function outcomeLine(progress: Extract<CorpusProgress, { stage: 'done' }>): string {
  const { outcome } = progress;
  const at = `[${progress.index + 1}/${progress.total}] ${shown(progress.file)}`;
  if (outcome.status !== 'drafted') return `${at}: ${outcome.status}: ${outcome.reason}`;
  const p = outcome.proposals!;
  return `${at}: drafted ${outcome.document} (${p.mentions} mentions, ${p.entities} entities, ${p.relationships} relationships, ${p.figures} figures) in ${outcome.seconds} s`;
}

/** A bar of `width` cells, filled in proportion to `done` of `total`. */
function bar(done: number, total: number, width = 24): string {
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`;
}

/**
 * Shows a corpus run on `stream` (stderr): a line per document; on a terminal also a bar under them naming the
 * document being read, redrawn in place (a log or a pipe gets the lines only).
 */
export function progressDisplay(stream: NodeJS.WriteStream): { update: (progress: CorpusProgress) => void; end: () => void } {
  const tty = Boolean(stream.isTTY);
  const clear = () => tty && stream.write('\r\x1b[K');
  return {
    update: (progress) => {
      clear();
      if (progress.stage === 'done') stream.write(`${outcomeLine(progress)}\n`);
      if (!tty) return;
      const done = progress.stage === 'done' ? progress.index + 1 : progress.index;
      const reading = progress.stage === 'start' ? ` reading ${path.basename(progress.file)}` : '';
      stream.write(`${bar(done, progress.total)}${reading}`.slice(0, Math.max(20, (stream.columns || 80) - 1)));
    },
    end: () => {
      clear();
    },
  };
}
